package dev.realmctl.plan;

import dev.realmctl.spec.AuthenticationFlowSpec;
import dev.realmctl.spec.AuthenticationFlowSpec.Execution;
import dev.realmctl.spec.AuthenticatorConfigSpec;
import dev.realmctl.spec.ClientSpec;
import dev.realmctl.spec.Origin;
import dev.realmctl.spec.RealmSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Authentication flows and what binds them. A custom top-level flow is compared whole, with its
 * sub-flows and step configs, as a tree; when it differs it is rebuilt beside the old one and
 * swapped in (the edge does the swap), so a login in flight sees one flow or the other, never half
 * of one. Built-in flows are never rebuilt nor deleted: only the requirements the spec declares for
 * their steps are enforced, and steps Keycloak adds to them (the organization step since 26) are
 * left alone.
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

  /** The flows a new realm has: the names exports bind to. */
  private static final Set<String> BUILT_IN_FLOWS =
      Set.of(
          "browser",
          "registration",
          "direct grant",
          "reset credentials",
          "clients",
          "docker auth",
          "first broker login",
          "http challenge",
          "saml ecp");

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
    Map<String, AuthenticationFlowSpec> declared = new LinkedHashMap<>();
    spec.of(AuthenticationFlowSpec.SECTION).forEach(f -> declared.putIfAbsent(f.alias(), f));
    Map<String, Map<String, Object>> configs = new HashMap<>();
    spec.of(AuthenticatorConfigSpec.SECTION)
        .forEach(
            c -> configs.putIfAbsent(c.alias(), Map.of("alias", c.alias(), "config", c.config())));
    for (AuthenticationFlowSpec flow : declared.values()) {
      for (Execution execution : flow.executions()) {
        execution
            .authenticator()
            .flatMap(a -> out.providers.missing(ServerProviders.AUTHENTICATOR, a, "authenticator"))
            .ifPresent(
                problem ->
                    out.problems.error(execution.origin().valueAt("authenticator"), problem));
      }
    }
    for (AuthenticationFlowSpec flow : declared.values()) {
      if (!flow.topLevel()) {
        continue;
      }
      Map<String, Object> have = existing.flows().get(flow.alias());
      boolean builtIn =
          flow.builtIn() || (have != null && Boolean.TRUE.equals(have.get("builtIn")));
      var id = new FlowId(spec.realm(), flow.alias());
      Map<String, Object> want = tree(flow, declared, configs);
      if (builtIn) {
        if (have != null) {
          requirements(spec.realm(), flow, declared, existing, out);
        }
        // One the admin API does not list is left alone: 26.7.3 refuses to create "saml ecp"
        // ("already exists") in a realm whose flow list lacks it.
        continue;
      }
      if (have == null) {
        out.add(Change.create(id, want).at(flow.origin()));
        continue;
      }
      Map<String, Object> now = unmasked(liveTree(flow.alias(), existing, true), want);
      if (now.equals(want)) {
        out.unchanged++;
      } else {
        out.add(
            new Change(
                Action.UPDATE, id, now, want, List.of(), Optional.of(flow.origin().location())));
      }
    }
    bindings(spec, live, declared, out);
  }

  /** The flow as a value: its steps in order, sub-flows and configs inlined. */
  static Map<String, Object> tree(
      AuthenticationFlowSpec flow,
      Map<String, AuthenticationFlowSpec> flows,
      Map<String, Map<String, Object>> configs) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("alias", flow.alias());
    node.put("providerId", flow.providerId());
    node.put("description", flow.description().orElse(""));
    List<Object> steps = new ArrayList<>();
    for (Execution execution : flow.executions()) {
      Map<String, Object> step = new LinkedHashMap<>();
      execution.authenticator().ifPresent(a -> step.put("authenticator", a));
      execution
          .flowAlias()
          .map(flows::get)
          .ifPresent(sub -> step.put("flow", tree(sub, flows, configs)));
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

  /**
   * The live tree with each value Keycloak masked ({@code **********}: config keys its
   * authenticator does not describe) taken as the declared one: there is nothing to compare it
   * with.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> unmasked(Map<String, Object> live, Map<String, Object> want) {
    Map<String, Object> result = new LinkedHashMap<>();
    live.forEach(
        (key, value) -> {
          Object declared = want.get(key);
          if (MASK.equals(value) && declared != null) {
            result.put(key, declared);
          } else if (value instanceof Map<?, ?> map && declared instanceof Map<?, ?> other) {
            result.put(key, unmasked((Map<String, Object>) map, (Map<String, Object>) other));
          } else if (value instanceof List<?> list && declared instanceof List<?> others) {
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
              items.add(
                  i < others.size()
                          && list.get(i) instanceof Map<?, ?> m
                          && others.get(i) instanceof Map<?, ?> o
                      ? unmasked((Map<String, Object>) m, (Map<String, Object>) o)
                      : list.get(i));
            }
            result.put(key, items);
          } else {
            result.put(key, value);
          }
        });
    return result;
  }

  private static final String MASK = "**********";

  @SuppressWarnings("unchecked")
  static Map<String, Object> liveTree(String alias, Live live, boolean withDescription) {
    Map<String, Object> flow = live.flows().getOrDefault(alias, Map.of());
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("alias", alias);
    node.put("providerId", flow.getOrDefault("providerId", "basic-flow"));
    node.put("description", flow.get("description") == null ? "" : flow.get("description"));
    List<Map<String, Object>> executions =
        new ArrayList<>(
            (List<Map<String, Object>>) flow.getOrDefault("authenticationExecutions", List.of()));
    executions.sort(
        Comparator.comparingInt(e -> ((Number) e.getOrDefault("priority", 0)).intValue()));
    List<Object> steps = new ArrayList<>();
    for (Map<String, Object> execution : executions) {
      Map<String, Object> step = new LinkedHashMap<>();
      boolean isFlow = Boolean.TRUE.equals(execution.get("authenticatorFlow"));
      if (isFlow) {
        step.put(
            "flow", liveTree(String.valueOf(execution.get("flowAlias")), live, withDescription));
      } else {
        step.put("authenticator", execution.get("authenticator"));
      }
      step.put("requirement", execution.get("requirement"));
      Optional.ofNullable(execution.get("authenticatorConfig"))
          .map(configAlias -> live.configs().get(String.valueOf(configAlias)))
          .ifPresent(
              config -> {
                Map<String, Object> value = new LinkedHashMap<>();
                value.put("alias", config.get("alias"));
                value.put("config", config.getOrDefault("config", Map.of()));
                step.put("config", value);
              });
      steps.add(step);
    }
    node.put("executions", steps);
    return node;
  }

  /** Built-in flows: the requirement of each declared step, in place. */
  @SuppressWarnings("unchecked")
  private static void requirements(
      String realm,
      AuthenticationFlowSpec flow,
      Map<String, AuthenticationFlowSpec> declared,
      Live live,
      PlanBuilder out) {
    Map<String, Object> have = live.flows().getOrDefault(flow.alias(), Map.of());
    Map<String, String> liveRequirements = new HashMap<>();
    for (Map<String, Object> execution :
        (List<Map<String, Object>>) have.getOrDefault("authenticationExecutions", List.of())) {
      Object key =
          execution.get("authenticator") != null
              ? execution.get("authenticator")
              : execution.get("flowAlias");
      liveRequirements.put(String.valueOf(key), String.valueOf(execution.get("requirement")));
    }
    for (Execution execution : flow.executions()) {
      String key = execution.authenticator().or(execution::flowAlias).orElseThrow();
      String current = liveRequirements.get(key);
      if (current == null) {
        continue;
      }
      if (current.equals(execution.requirement())) {
        out.unchanged++;
      } else {
        out.add(
            Change.update(
                    new StepId(realm, flow.alias(), key),
                    List.of(
                        new FieldChange(
                            "requirement",
                            Optional.empty(),
                            Optional.of(current),
                            Optional.of(execution.requirement()))))
                .at(execution.origin()));
      }
      execution
          .flowAlias()
          .map(declared::get)
          .filter(sub -> live.flows().containsKey(sub.alias()))
          .ifPresent(sub -> requirements(realm, sub, declared, live, out));
    }
  }

  private static void bindings(
      RealmSpec spec,
      LiveRealm live,
      Map<String, AuthenticationFlowSpec> declared,
      PlanBuilder out) {
    Live existing = live.part(LIVE);
    Map<String, String> aliasById = new HashMap<>();
    declared.values().forEach(f -> f.id().ifPresent(id -> aliasById.put(id, f.alias())));
    existing
        .flows()
        .forEach((alias, flow) -> aliasById.putIfAbsent(String.valueOf(flow.get("id")), alias));

    Map<String, Object> wantRealm = new TreeMap<>();
    for (String field : REALM_BINDINGS) {
      if (spec.settings().get(field) instanceof String alias) {
        if (flowExists(alias, declared, existing, out)) {
          wantRealm.put(field, alias);
        } else {
          unknownFlow(alias, spec.origin().child(field), spec.realm(), out);
        }
      }
    }
    if (!wantRealm.isEmpty()) {
      out.updateOrCount(
          new BindingId(spec.realm(), Optional.empty()),
          out.realmExists
              ? FieldDiff.between(wantRealm, live.settings())
              : FieldDiff.between(wantRealm, Map.of()),
          spec.origin());
    }

    for (ClientSpec client : spec.of(ClientSpec.SECTION)) {
      if (!(client.fields().get(CLIENT_OVERRIDES) instanceof Map<?, ?> overrides)) {
        continue;
      }
      Map<String, Object> want = new TreeMap<>();
      Origin origin = client.origin().child(CLIENT_OVERRIDES);
      overrides.forEach(
          (binding, value) -> {
            String alias = aliasById.getOrDefault(String.valueOf(value), String.valueOf(value));
            if (flowExists(alias, declared, existing, out)) {
              want.put(String.valueOf(binding), alias);
            } else {
              unknownFlow(
                  String.valueOf(value), origin.child(String.valueOf(binding)), spec.realm(), out);
            }
          });
      Map<String, Object> have = new TreeMap<>();
      Optional.ofNullable(live.part(ClientPlanner.LIVE).get(client.clientId()))
          .map(c -> c.fields().get(CLIENT_OVERRIDES))
          .filter(Map.class::isInstance)
          .map(Map.class::cast)
          .ifPresent(
              map ->
                  map.forEach(
                      (binding, id) ->
                          have.put(
                              String.valueOf(binding),
                              aliasById.getOrDefault(String.valueOf(id), String.valueOf(id)))));
      if (have.equals(want)) {
        out.unchanged++;
      } else {
        out.add(
            new Change(
                Action.UPDATE,
                new BindingId(spec.realm(), Optional.of(client.clientId())),
                Map.of(CLIENT_OVERRIDES, have),
                Map.of(CLIENT_OVERRIDES, want),
                List.of(),
                Optional.of(origin.location())));
      }
    }
  }

  private static boolean flowExists(
      String alias, Map<String, AuthenticationFlowSpec> declared, Live live, PlanBuilder out) {
    return declared.containsKey(alias)
        || live.flows().containsKey(alias)
        || (!live.read() && out.realmExists)
        || (!out.realmExists && BUILT_IN_FLOWS.contains(alias));
  }

  private static void unknownFlow(String alias, Origin origin, String realm, PlanBuilder out) {
    out.problems.error(
        origin.location(),
        "authentication flow '"
            + alias
            + "' exists neither in the spec nor in realm '"
            + realm
            + "'");
  }

  @Override
  public List<Owned> owned() {
    return List.of(new Flows());
  }

  /** Custom top-level flows; their sub-flows and configs go with them. */
  private static final class Flows implements Owned {
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
          Change.delete(new FlowId(realm, alias), liveTree(alias, live.part(LIVE), true)));
    }
  }
}
