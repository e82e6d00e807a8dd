package dev.realmctl.keycloak;

import dev.realmctl.plan.Change;
import dev.realmctl.plan.ClientPlanner;
import dev.realmctl.plan.FlowPlanner;
import dev.realmctl.plan.FlowPlanner.BindingId;
import dev.realmctl.plan.FlowPlanner.FlowId;
import dev.realmctl.plan.FlowPlanner.StepId;
import dev.realmctl.plan.Kind;
import dev.realmctl.plan.LiveRealm;
import dev.realmctl.plan.Ownership;
import dev.realmctl.spec.AuthenticationFlowSpec;
import dev.realmctl.spec.ClientSpec;
import dev.realmctl.spec.RealmSpec;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.admin.client.resource.AuthenticationManagementResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.AuthenticationFlowRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * Authentication flows. Keycloak edits a flow step by step, so a flow edited in place is half-built
 * between two requests while logins run through it. A changed flow is therefore built whole beside
 * the old one under a temporary alias, everything bound to the old one is rebound to it, the old
 * one is deleted, and the new one takes the old alias: bindings hold a flow's id, so the rename
 * moves nothing.
 */
final class FlowEdge implements KindEdge {
  /** The alias suffix of a flow while it is built beside the one it replaces. */
  static final String NEXT = " realmctl-next";

  @Override
  public Map<Kind, ChangeWriter<?>> writers() {
    return Map.of(
        Kind.AUTH_FLOW,
        new Flows(),
        Kind.FLOW_STEP,
        new Steps(),
        Kind.FLOW_BINDING,
        new Bindings());
  }

  /**
   * One request: the partial export carries every flow (sub-flows too) and step config as exports
   * write them; the per-flow endpoints would take one request per flow.
   */
  @Override
  public LiveRealm read(RealmSpec spec, RealmRead read, LiveRealm live) {
    boolean matters =
        spec.declares(AuthenticationFlowSpec.SECTION)
            || FlowPlanner.REALM_BINDINGS.stream().anyMatch(spec.settings()::containsKey)
            || spec.of(ClientSpec.SECTION).stream()
                .anyMatch(c -> c.fields().containsKey(FlowPlanner.CLIENT_OVERRIDES))
            || !Ownership.recordedIn(live.settings()).of("authenticationFlows").isEmpty();
    if (!matters) {
      return live;
    }
    RealmRepresentation export = read.export();
    Map<String, Map<String, Object>> flows = new HashMap<>();
    if (export.getAuthenticationFlows() != null) {
      export.getAuthenticationFlows().forEach(f -> flows.put(f.getAlias(), Json.toMap(f)));
    }
    Map<String, Map<String, Object>> configs = new HashMap<>();
    if (export.getAuthenticatorConfig() != null) {
      export.getAuthenticatorConfig().forEach(c -> configs.put(c.getAlias(), Json.toMap(c)));
    }
    return live.with(FlowPlanner.LIVE, new FlowPlanner.Live(true, flows, configs));
  }

  @Override
  public LiveRealm readAll(String name, RealmRead read, LiveRealm live) {
    LiveRealm withFlows = read(RealmSpec.readingEverything(name), read, live);
    FlowPlanner.Live flows = withFlows.part(FlowPlanner.LIVE);
    return withFlows.with(
        FlowPlanner.LIVE,
        new FlowPlanner.Live(
            flows.read(),
            flows.flows(),
            flows.configs(),
            FlowExport.clientOverrides(flows, live.part(ClientPlanner.LIVE))));
  }

  @Override
  public void export(String realm, LiveRealm live, Map<String, Object> spec, List<String> notes) {
    FlowExport.export(live.part(FlowPlanner.LIVE), live.settings(), spec);
  }

  /** A client's flow overrides go into the client's entry, which {@link ClientEdge} exports. */
  @Override
  public List<EntryFields> exportInto(String realm, LiveRealm live) {
    return List.of(FlowExport.overridesInClients(live.part(FlowPlanner.LIVE)));
  }

  private static AuthenticationManagementResource flows(Target target, String realm) {
    return target.realm(realm).flows();
  }

  private static Optional<AuthenticationFlowRepresentation> topLevel(
      AuthenticationManagementResource flows, String alias) {
    return flows.getFlows().stream().filter(f -> f.getAlias().equals(alias)).findFirst();
  }

  private static final class Flows implements ChangeWriter<FlowId> {
    @Override
    public Class<FlowId> idType() {
      return FlowId.class;
    }

    public void create(FlowId id, Change change, Target target) {
      var flows = flows(target, id.realm());
      String created = FlowBuild.build(flows, change.after(), "", new FlowBuild.Built());
      // A swap cut short after the old flow was deleted: what is bound to its replacement moves
      // to the flow just built.
      topLevel(flows, id.alias() + NEXT)
          .ifPresent(
              leftover -> {
                rebind(target, id.realm(), leftover, id.alias(), created);
                flows.deleteFlow(leftover.getId());
              });
    }

    @Override
    public boolean exists(FlowId id, Change change, Target target) {
      return topLevel(flows(target, id.realm()), id.alias()).isPresent();
    }

    public void update(FlowId id, Change change, Target target) {
      var flows = flows(target, id.realm());
      AuthenticationFlowRepresentation old =
          topLevel(flows, id.alias())
              .orElseThrow(() -> new Target.Absent("flow '" + id.alias() + "' not found"));
      // A swap cut short: whatever it already rebound goes back to the old flow (both are whole),
      // then its half is removed and the swap starts over.
      topLevel(flows, id.alias() + NEXT)
          .ifPresent(
              leftover -> {
                rebind(target, id.realm(), leftover, id.alias(), old.getId());
                flows.deleteFlow(leftover.getId());
              });
      FlowBuild.Built built = new FlowBuild.Built();
      String next = FlowBuild.build(flows, change.after(), NEXT, built);
      rebind(target, id.realm(), old, id.alias() + NEXT, next);
      flows.deleteFlow(old.getId());
      built.flows.forEach(
          (flowId, rep) -> {
            rep.setAlias(rep.getAlias().substring(0, rep.getAlias().length() - NEXT.length()));
            flows.updateFlow(flowId, rep);
          });
      built.configs.forEach(
          (configId, rep) -> {
            rep.setAlias(rep.getAlias().substring(0, rep.getAlias().length() - NEXT.length()));
            flows.updateAuthenticatorConfig(configId, rep);
          });
    }

    public void delete(FlowId id, Change change, Target target) {
      var flows = flows(target, id.realm());
      topLevel(flows, id.alias()).ifPresent(flow -> flows.deleteFlow(flow.getId()));
    }
  }

  /** Everything bound to the old flow is bound to the new one: realm, clients, providers. */
  private static void rebind(
      Target target,
      String realmName,
      AuthenticationFlowRepresentation old,
      String nextAlias,
      String nextId) {
    RealmResource realm = target.realm(realmName);
    RealmRepresentation settings = realm.toRepresentation();
    Map<String, Object> fields = Json.toMap(settings);
    Map<String, Object> rebound = new LinkedHashMap<>();
    for (String binding : FlowPlanner.REALM_BINDINGS) {
      if (old.getAlias().equals(fields.get(binding))) {
        rebound.put(binding, nextAlias);
      }
    }
    if (!rebound.isEmpty()) {
      realm.update(Json.overlay(settings, rebound, RealmRepresentation.class));
    }
    for (ClientRepresentation client : realm.clients().findAll()) {
      Map<String, String> overrides = client.getAuthenticationFlowBindingOverrides();
      if (overrides != null && overrides.containsValue(old.getId())) {
        overrides.replaceAll((binding, flowId) -> flowId.equals(old.getId()) ? nextId : flowId);
        realm.clients().get(client.getId()).update(client);
      }
    }
    for (IdentityProviderRepresentation provider : realm.identityProviders().findAll()) {
      boolean first = old.getAlias().equals(provider.getFirstBrokerLoginFlowAlias());
      boolean post = old.getAlias().equals(provider.getPostBrokerLoginFlowAlias());
      if (first || post) {
        if (first) {
          provider.setFirstBrokerLoginFlowAlias(nextAlias);
        }
        if (post) {
          provider.setPostBrokerLoginFlowAlias(nextAlias);
        }
        realm.identityProviders().get(provider.getAlias()).update(provider);
      }
    }
  }

  /** A built-in flow's step: its requirement, in place, as the admin console sets it. */
  private static final class Steps implements ChangeWriter<StepId> {
    @Override
    public Class<StepId> idType() {
      return StepId.class;
    }

    public void create(StepId id, Change change, Target target) {
      throw new UnsupportedOperationException("built-in flows gain no steps from realmctl");
    }

    public void update(StepId id, Change change, Target target) {
      var flows = flows(target, id.realm());
      AuthenticationExecutionInfoRepresentation step =
          flows.getExecutions(id.parent()).stream()
              .filter(e -> e.getLevel() == 0)
              .filter(
                  e ->
                      id.step().equals(e.getProviderId())
                          || (Boolean.TRUE.equals(e.getAuthenticationFlow())
                              && id.step().equals(e.getDisplayName())))
              .findFirst()
              .orElseThrow(() -> new Target.Absent("step " + id.path() + " not found"));
      step.setRequirement(String.valueOf(change.after().get("requirement")));
      flows.updateExecutions(id.parent(), step);
    }

    public void delete(StepId id, Change change, Target target) {
      throw new UnsupportedOperationException("realmctl never removes a built-in flow's step");
    }
  }

  /** The realm's bindings by alias; a client's overrides by the flows' ids, looked up here. */
  private static final class Bindings implements ChangeWriter<BindingId> {
    @Override
    public Class<BindingId> idType() {
      return BindingId.class;
    }

    public void create(BindingId id, Change change, Target target) {
      update(id, change, target);
    }

    @SuppressWarnings("unchecked")
    public void update(BindingId id, Change change, Target target) {
      RealmResource realm = target.realm(id.realm());
      if (id.clientId().isEmpty()) {
        realm.update(
            Json.overlay(realm.toRepresentation(), change.after(), RealmRepresentation.class));
        return;
      }
      Map<String, String> flowIds = new HashMap<>();
      realm.flows().getFlows().forEach(f -> flowIds.put(f.getAlias(), f.getId()));
      Map<String, String> overrides = new LinkedHashMap<>();
      ((Map<String, Object>) change.after().get(FlowPlanner.CLIENT_OVERRIDES))
          .forEach(
              (binding, alias) ->
                  overrides.put(
                      binding,
                      Optional.ofNullable(flowIds.get(String.valueOf(alias)))
                          .orElseThrow(() -> new Target.Absent("flow '" + alias + "' not found"))));
      var client = target.client(id.realm(), id.clientId().get());
      ClientRepresentation rep = client.toRepresentation();
      rep.setAuthenticationFlowBindingOverrides(overrides);
      client.update(rep);
    }

    public void delete(BindingId id, Change change, Target target) {
      throw new UnsupportedOperationException("bindings are updated, never deleted");
    }
  }
}
