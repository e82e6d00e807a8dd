package dev.realmctl.keycloak;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.admin.client.resource.AuthenticationManagementResource;
import org.keycloak.representations.idm.AuthenticationExecutionRepresentation;
import org.keycloak.representations.idm.AuthenticationFlowRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;

/**
 * Builds a planned flow tree through the admin API, step by step, every alias with a suffix while
 * it stands beside the flow it replaces ({@link FlowEdge}).
 */
final class FlowBuild {
  private static final String FORM_FLOW = "form-flow";

  private FlowBuild() {}

  /** The flows and configs a build made, by id, to be renamed once they are in use. */
  static final class Built {
    final Map<String, AuthenticationFlowRepresentation> flows = new LinkedHashMap<>();
    final Map<String, AuthenticatorConfigRepresentation> configs = new LinkedHashMap<>();
  }

  /** Builds the flow tree of a plan, every alias with {@code suffix}; returns the top flow's id. */
  @SuppressWarnings("unchecked")
  static String build(
      AuthenticationManagementResource flows,
      Map<String, Object> tree,
      String suffix,
      Built built) {
    AuthenticationFlowRepresentation top = flow(tree, suffix, true);
    String topId = Target.createdId(flows.createFlow(top));
    top.setId(topId);
    built.flows.put(topId, top);
    steps(flows, topId, (List<Map<String, Object>>) tree.get("executions"), suffix, built);
    return topId;
  }

  @SuppressWarnings("unchecked")
  private static void steps(
      AuthenticationManagementResource flows,
      String parentId,
      List<Map<String, Object>> steps,
      String suffix,
      Built built) {
    int priority = 0;
    for (Map<String, Object> step : steps) {
      priority += 10;
      AuthenticationExecutionRepresentation execution = new AuthenticationExecutionRepresentation();
      execution.setParentFlow(parentId);
      execution.setRequirement(String.valueOf(step.get("requirement")));
      execution.setPriority(priority);
      Map<String, Object> sub = (Map<String, Object>) step.get("flow");
      String subId = null;
      if (sub != null) {
        AuthenticationFlowRepresentation subFlow = flow(sub, suffix, false);
        subId = Target.createdId(flows.createFlow(subFlow));
        subFlow.setId(subId);
        built.flows.put(subId, subFlow);
        execution.setAuthenticatorFlow(true);
        execution.setFlowId(subId);
        if (FORM_FLOW.equals(sub.get("providerId"))) {
          // A form flow renders through this authenticator; the import sets it the same way.
          execution.setAuthenticator("registration-page-form");
        }
      } else {
        execution.setAuthenticatorFlow(false);
        execution.setAuthenticator(String.valueOf(step.get("authenticator")));
      }
      String executionId = Target.createdId(flows.addExecution(execution));
      if (step.get("config") instanceof Map<?, ?> config) {
        AuthenticatorConfigRepresentation rep = new AuthenticatorConfigRepresentation();
        rep.setAlias(config.get("alias") + suffix);
        Map<String, String> values = new LinkedHashMap<>();
        ((Map<String, Object>) config.get("config"))
            .forEach((k, v) -> values.put(k, String.valueOf(v)));
        rep.setConfig(values);
        String configId = Target.createdId(flows.newExecutionConfig(executionId, rep));
        rep.setId(configId);
        built.configs.put(configId, rep);
      }
      if (sub != null) {
        steps(flows, subId, (List<Map<String, Object>>) sub.get("executions"), suffix, built);
      }
    }
  }

  private static AuthenticationFlowRepresentation flow(
      Map<String, Object> node, String suffix, boolean topLevel) {
    AuthenticationFlowRepresentation flow = new AuthenticationFlowRepresentation();
    flow.setAlias(node.get("alias") + suffix);
    flow.setProviderId(String.valueOf(node.getOrDefault("providerId", "basic-flow")));
    flow.setDescription((String) node.get("description"));
    flow.setTopLevel(topLevel);
    flow.setBuiltIn(false);
    return flow;
  }
}
