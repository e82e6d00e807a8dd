package dev.realmctl.plan;

import dev.realmctl.plan.FlowDesired.Binding;
import dev.realmctl.plan.FlowPlanner.Live;
import dev.realmctl.spec.AuthenticationFlowSpec;
import dev.realmctl.spec.AuthenticationFlowSpec.Execution;
import dev.realmctl.spec.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** What flows name that must exist, pure: the authenticators of their steps, the bound flows. */
final class FlowReferences {
  /** The flows a new realm has: the names exports bind to. */
  static final Set<String> BUILT_IN_FLOWS =
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

  private FlowReferences() {}

  /** Each step's authenticator the server lacks, at the step. */
  static List<Problem> authenticators(FlowDesired desired, ServerProviders providers) {
    List<Problem> problems = new ArrayList<>();
    for (AuthenticationFlowSpec flow : desired.flows().values()) {
      for (Execution execution : flow.executions()) {
        execution
            .authenticator()
            .flatMap(a -> providers.missing(ServerProviders.AUTHENTICATOR, a, "authenticator"))
            .ifPresent(
                problem ->
                    problems.add(
                        Problem.error(execution.origin().valueAt("authenticator"), problem)));
      }
    }
    return problems;
  }

  /**
   * Whether a flow alias names a flow: declared, live, or, when the flows were not read, taken on
   * trust in an existing realm; a new realm has the built-in ones.
   */
  static Predicate<String> known(FlowDesired desired, Live live, boolean realmExists) {
    return alias ->
        desired.flows().containsKey(alias)
            || live.flows().containsKey(alias)
            || (!live.read() && realmExists)
            || (!realmExists && BUILT_IN_FLOWS.contains(alias));
  }

  /** Flow ids to aliases, declared and live, so a binding written with an id names its flow. */
  static Map<String, String> aliasById(FlowDesired desired, Live live) {
    Map<String, String> aliasById = new HashMap<>();
    desired.flows().values().forEach(f -> f.id().ifPresent(id -> aliasById.put(id, f.alias())));
    live.flows()
        .forEach((alias, flow) -> aliasById.putIfAbsent(String.valueOf(flow.get("id")), alias));
    return aliasById;
  }

  /** Each binding to a flow that exists nowhere, at the binding. */
  static List<Problem> bindings(List<Binding> bindings, Predicate<String> known, String realm) {
    return bindings.stream()
        .filter(b -> !known.test(b.alias()))
        .map(
            b ->
                Problem.error(
                    b.origin().location(),
                    "authentication flow '"
                        + b.written()
                        + "' exists neither in the spec nor in realm '"
                        + realm
                        + "'"))
        .toList();
  }
}
