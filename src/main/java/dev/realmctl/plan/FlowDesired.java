package dev.realmctl.plan;

import dev.realmctl.spec.AuthenticationFlowSpec;
import dev.realmctl.spec.AuthenticationFlowSpec.Execution;
import dev.realmctl.spec.AuthenticatorConfigSpec;
import dev.realmctl.spec.ClientSpec;
import dev.realmctl.spec.Origin;
import dev.realmctl.spec.RealmSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The flows the spec asks for, pure: each declared flow and step config by alias (the first of a
 * name wins), a top-level flow as one tree, and what the realm and clients bind.
 */
record FlowDesired(
    Map<String, AuthenticationFlowSpec> flows, Map<String, Map<String, Object>> configs) {

  /** One binding as written: the realm field or client override, the flow it names, and where. */
  record Binding(String field, String written, String alias, Origin origin) {}

  static FlowDesired of(RealmSpec spec) {
    Map<String, AuthenticationFlowSpec> flows = new LinkedHashMap<>();
    spec.of(AuthenticationFlowSpec.SECTION).forEach(f -> flows.putIfAbsent(f.alias(), f));
    Map<String, Map<String, Object>> configs = new LinkedHashMap<>();
    spec.of(AuthenticatorConfigSpec.SECTION)
        .forEach(
            c -> configs.putIfAbsent(c.alias(), Map.of("alias", c.alias(), "config", c.config())));
    return new FlowDesired(flows, configs);
  }

  List<AuthenticationFlowSpec> topLevel() {
    return flows.values().stream().filter(AuthenticationFlowSpec::topLevel).toList();
  }

  /** The flow as a value: its steps in order, sub-flows and configs inlined. */
  Map<String, Object> tree(AuthenticationFlowSpec flow) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("alias", flow.alias());
    node.put("providerId", flow.providerId());
    node.put("description", flow.description().orElse(""));
    List<Object> steps = new ArrayList<>();
    for (Execution execution : flow.executions()) {
      Map<String, Object> step = new LinkedHashMap<>();
      execution.authenticator().ifPresent(a -> step.put("authenticator", a));
      execution.flowAlias().map(flows::get).ifPresent(sub -> step.put("flow", tree(sub)));
      step.put("requirement", execution.requirement());
      execution
          .authenticatorConfig()
          .map(configs::get)
          .ifPresent(config -> step.put("config", config));
      steps.add(step);
    }
    node.put("executions", steps);
    return node;
  }

  /** The realm fields that bind a flow, in field order. */
  static List<Binding> realmBindings(RealmSpec spec) {
    List<Binding> bindings = new ArrayList<>();
    for (String field : new TreeSet<>(FlowPlanner.REALM_BINDINGS)) {
      if (spec.settings().get(field) instanceof String alias) {
        bindings.add(new Binding(field, alias, alias, spec.origin().child(field)));
      }
    }
    return bindings;
  }

  /**
   * A client's overrides, or none when it declares none. Exports write a flow's id: {@code
   * aliasById} names it.
   */
  static java.util.Optional<List<Binding>> clientOverrides(
      ClientSpec client, Map<String, String> aliasById) {
    if (!(client.fields().get(FlowPlanner.CLIENT_OVERRIDES) instanceof Map<?, ?> overrides)) {
      return java.util.Optional.empty();
    }
    Origin origin = client.origin().child(FlowPlanner.CLIENT_OVERRIDES);
    List<Binding> bindings = new ArrayList<>();
    overrides.forEach(
        (binding, value) -> {
          String written = String.valueOf(value);
          bindings.add(
              new Binding(
                  String.valueOf(binding),
                  written,
                  aliasById.getOrDefault(written, written),
                  origin.child(String.valueOf(binding))));
        });
    return java.util.Optional.of(bindings);
  }
}
