package dev.realmctl.plan;

import dev.realmctl.plan.FlowDesired.Binding;
import dev.realmctl.plan.FlowPlanner.BindingId;
import dev.realmctl.plan.FlowPlanner.FlowId;
import dev.realmctl.plan.FlowPlanner.Live;
import dev.realmctl.plan.FlowPlanner.StepId;
import dev.realmctl.spec.AuthenticationFlowSpec;
import dev.realmctl.spec.AuthenticationFlowSpec.Execution;
import dev.realmctl.spec.Origin;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Desired flows against live ones, pure. A custom top-level flow is compared whole, as a tree, and
 * replaced whole when it differs; a built-in flow only by the requirements of its declared steps.
 */
final class FlowDiff {
  private static final String MASK = "**********";

  private FlowDiff() {}

  /** One declared top-level flow. */
  static Diff flow(String realm, AuthenticationFlowSpec flow, FlowDesired desired, Live live) {
    Map<String, Object> have = live.flows().get(flow.alias());
    boolean builtIn = flow.builtIn() || (have != null && Boolean.TRUE.equals(have.get("builtIn")));
    if (builtIn) {
      // One the admin API does not list is left alone: 26.7.3 refuses to create "saml ecp"
      // ("already exists") in a realm whose flow list lacks it.
      return have == null ? Diff.NONE : requirements(realm, flow, desired, live);
    }
    var id = new FlowId(realm, flow.alias());
    Map<String, Object> want = desired.tree(flow);
    if (have == null) {
      return Diff.change(Change.create(id, want).at(flow.origin()));
    }
    Map<String, Object> now = unmasked(liveTree(flow.alias(), live), want);
    return now.equals(want)
        ? Diff.noChange()
        : Diff.change(
            new Change(
                Action.UPDATE, id, now, want, List.of(), Optional.of(flow.origin().location())));
  }

  /** Built-in flows: the requirement of each declared step, in place. */
  @SuppressWarnings("unchecked")
  static Diff requirements(
      String realm, AuthenticationFlowSpec flow, FlowDesired desired, Live live) {
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
    Diff diff = Diff.NONE;
    for (Execution execution : flow.executions()) {
      String key = execution.authenticator().or(execution::flowAlias).orElseThrow();
      String current = liveRequirements.get(key);
      if (current == null) {
        continue;
      }
      diff =
          diff.plus(
              Diff.update(
                  new StepId(realm, flow.alias(), key),
                  current.equals(execution.requirement())
                      ? List.of()
                      : List.of(
                          new FieldChange(
                              "requirement",
                              Optional.empty(),
                              Optional.of(current),
                              Optional.of(execution.requirement()))),
                  execution.origin()));
      Optional<AuthenticationFlowSpec> sub =
          execution
              .flowAlias()
              .map(desired.flows()::get)
              .filter(s -> live.flows().containsKey(s.alias()));
      if (sub.isPresent()) {
        diff = diff.plus(requirements(realm, sub.get(), desired, live));
      }
    }
    return diff;
  }

  /** The realm's bindings: only those the spec sets, and only when it sets any. */
  static Diff realmBindings(
      String realm,
      List<Binding> want,
      Map<String, Object> settings,
      boolean realmExists,
      Origin origin) {
    if (want.isEmpty()) {
      return Diff.NONE;
    }
    Map<String, Object> fields = new TreeMap<>();
    want.forEach(b -> fields.put(b.field(), b.alias()));
    return Diff.update(
        new BindingId(realm, Optional.empty()),
        FieldDiff.between(fields, realmExists ? settings : Map.of()),
        origin);
  }

  /** A client's overrides, compared whole by flow alias. */
  static Diff clientOverrides(
      String realm,
      String clientId,
      List<Binding> want,
      Optional<ClientPlanner.Live> live,
      Map<String, String> aliasById,
      Origin origin) {
    Map<String, Object> wanted = new TreeMap<>();
    want.forEach(b -> wanted.put(b.field(), b.alias()));
    Map<String, Object> have = new TreeMap<>();
    live.map(c -> c.fields().get(FlowPlanner.CLIENT_OVERRIDES))
        .filter(Map.class::isInstance)
        .map(Map.class::cast)
        .ifPresent(
            map ->
                map.forEach(
                    (binding, id) ->
                        have.put(
                            String.valueOf(binding),
                            aliasById.getOrDefault(String.valueOf(id), String.valueOf(id)))));
    if (have.equals(wanted)) {
      return Diff.noChange();
    }
    return Diff.change(
        new Change(
            Action.UPDATE,
            new BindingId(realm, Optional.of(clientId)),
            Map.of(FlowPlanner.CLIENT_OVERRIDES, have),
            Map.of(FlowPlanner.CLIENT_OVERRIDES, wanted),
            List.of(),
            Optional.of(origin.location())));
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

  /** A live flow in the shape of {@link FlowDesired#tree}: steps by priority, sub-flows inlined. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> liveTree(String alias, Live live) {
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
      if (Boolean.TRUE.equals(execution.get("authenticatorFlow"))) {
        step.put("flow", liveTree(String.valueOf(execution.get("flowAlias")), live));
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
}
