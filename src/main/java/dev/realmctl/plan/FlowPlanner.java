package dev.realmctl.plan;

import dev.realmctl.plan.FlowDesired.Binding;
import dev.realmctl.spec.AuthenticationFlowSpec;
import dev.realmctl.spec.ClientSpec;
import dev.realmctl.spec.RealmSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Authentication flows and what binds them, as the composition of pure steps: the desired state
 * ({@link FlowDesired}), the references it makes ({@link FlowReferences}), and the diff against the
 * live flows ({@link FlowDiff}). A custom top-level flow is compared whole, with its sub-flows and
 * step configs, as a tree; when it differs it is rebuilt beside the old one and swapped in (the
 * edge does the swap), so a login in flight sees one flow or the other, never half of one. Built-in
 * flows are never rebuilt nor deleted: only the requirements the spec declares for their steps are
 * enforced, and steps Keycloak adds to them (the organization step since 26) are left alone.
 */
public final class FlowPlanner implements ResourcePlanner {

  /** The realm fields that bind a flow, by alias. */
  public static final Set<String> REALM_BINDINGS =
      Set.of(
          "browserFlow",
          "registrationFlow",
          "directGrantFlow",
          "resetCredentialsFlow",
          "clientAuthenticationFlow",
          "dockerAuthenticationFlow",
          "firstBrokerLoginFlow");

  public static final String CLIENT_OVERRIDES = "authenticationFlowBindingOverrides";

  public record FlowId(String realm, String alias) implements ResourceId {
    public Kind kind() {
      return Kind.AUTH_FLOW;
    }

    public String path() {
      return "authenticationFlows/" + alias;
    }
  }

  /** One step of a built-in flow, named by its parent flow and its authenticator or sub-flow. */
  public record StepId(String realm, String parent, String step) implements ResourceId {
    public Kind kind() {
      return Kind.FLOW_STEP;
    }

    public String path() {
      return "authenticationFlows/" + parent + "/" + step;
    }
  }

  /** What binds flows: the realm's bindings, or a client's overrides. */
  public record BindingId(String realm, Optional<String> clientId) implements ResourceId {
    public Kind kind() {
      return Kind.FLOW_BINDING;
    }

    public String path() {
      return clientId.map(c -> "clients/" + c + "/" + CLIENT_OVERRIDES).orElse("flowBindings");
    }
  }

  /**
   * The flows as Keycloak exports them (by alias, with {@code id} and {@code
   * authenticationExecutions}; sub-flows too), the step configs by alias, and whether they were
   * read at all. An export also reads each client's overrides (by client id, flows by alias);
   * planning takes them from the clients read.
   */
  public record Live(
      boolean read,
      Map<String, Map<String, Object>> flows,
      Map<String, Map<String, Object>> configs,
      Map<String, Map<String, String>> clientOverrides) {

    public Live(
        boolean read,
        Map<String, Map<String, Object>> flows,
        Map<String, Map<String, Object>> configs) {
      this(read, flows, configs, Map.of());
    }
  }

  public static final LivePart<Live> LIVE =
      new LivePart<>("authenticationFlows", new Live(false, Map.of(), Map.of()));

  @Override
  public void plan(RealmSpec spec, LiveRealm live, PlanBuilder out) {
    Live existing = live.part(LIVE);
    FlowDesired desired = FlowDesired.of(spec);
    out.report(FlowReferences.authenticators(desired, out.providers));
    desired.topLevel().forEach(f -> out.add(FlowDiff.flow(spec.realm(), f, desired, existing)));

    Predicate<String> known = FlowReferences.known(desired, existing, out.realmExists);
    List<Binding> realmBindings = FlowDesired.realmBindings(spec);
    out.report(FlowReferences.bindings(realmBindings, known, spec.realm()));
    out.add(
        FlowDiff.realmBindings(
            spec.realm(),
            knownOnly(realmBindings, known),
            live.settings(),
            out.realmExists,
            spec.origin()));

    Map<String, String> aliasById = FlowReferences.aliasById(desired, existing);
    for (ClientSpec client : spec.of(ClientSpec.SECTION)) {
      FlowDesired.clientOverrides(client, aliasById)
          .ifPresent(
              overrides -> {
                out.report(FlowReferences.bindings(overrides, known, spec.realm()));
                out.add(
                    FlowDiff.clientOverrides(
                        spec.realm(),
                        client.clientId(),
                        knownOnly(overrides, known),
                        Optional.ofNullable(live.part(ClientPlanner.LIVE).get(client.clientId())),
                        aliasById,
                        client.origin().child(CLIENT_OVERRIDES)));
              });
    }
  }

  private static List<Binding> knownOnly(List<Binding> bindings, Predicate<String> known) {
    return bindings.stream().filter(b -> known.test(b.alias())).toList();
  }

  @Override
  public List<Owned> owned() {
    return List.of(new Flows());
  }

  /** Custom top-level flows; their sub-flows and configs go with them. */
  private static final class Flows implements Owned {
    @Override
    public Optional<String> recordedName(ResourceId id) {
      return id instanceof FlowId flow ? Optional.of(flow.alias()) : Optional.empty();
    }

    public String key() {
      return "authenticationFlows";
    }

    public Set<String> declared(RealmSpec spec) {
      return spec.of(AuthenticationFlowSpec.SECTION).stream()
          .filter(f -> f.topLevel() && !f.builtIn())
          .map(AuthenticationFlowSpec::alias)
          .collect(Collectors.toSet());
    }

    public Set<String> live(LiveRealm live) {
      return live.part(LIVE).flows().entrySet().stream()
          .filter(e -> !Boolean.FALSE.equals(e.getValue().get("topLevel")))
          .filter(e -> !Boolean.TRUE.equals(e.getValue().get("builtIn")))
          .map(Map.Entry::getKey)
          .collect(Collectors.toSet());
    }

    public Optional<Change> delete(String realm, String alias, LiveRealm live, Pruning pruning) {
      return Optional.of(
          Change.delete(new FlowId(realm, alias), FlowDiff.liveTree(alias, live.part(LIVE))));
    }
  }
}
