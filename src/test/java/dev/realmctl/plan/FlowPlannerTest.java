package dev.realmctl.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.plan.FlowDesired.Binding;
import dev.realmctl.spec.ClientSpec;
import dev.realmctl.spec.Problem;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.support.SpecFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FlowPlanner's steps one by one: the desired state, its references, the diff. */
class FlowPlannerTest {
  private static final String SPEC =
      """
      realm: r
      browserFlow: strict browser
      authenticationFlows:
        - alias: strict browser
          description: cookie, else a form with OTP
          authenticationExecutions:
            - authenticator: auth-cookie
              requirement: ALTERNATIVE
            - flowAlias: strict forms
              requirement: ALTERNATIVE
        - alias: strict forms
          topLevel: false
          authenticationExecutions:
            - authenticator: auth-otp-form
              requirement: REQUIRED
              authenticatorConfig: otp
        - alias: browser
          builtIn: true
          authenticationExecutions:
            - authenticator: auth-cookie
              requirement: DISABLED
      authenticatorConfig:
        - alias: otp
          config: {period: "30"}
      clients:
        - clientId: app
          authenticationFlowBindingOverrides:
            browser: strict browser
            direct_grant: nowhere
      """;

  @TempDir Path folder;

  private RealmSpec spec() throws IOException {
    return SpecFiles.load(folder, SPEC);
  }

  /** The live flows exactly as the spec declares them, in the export's form. */
  private static FlowPlanner.Live matching() {
    Map<String, Map<String, Object>> flows = new HashMap<>();
    flows.put(
        "strict browser",
        Map.of(
            "id", "f1",
            "alias", "strict browser",
            "providerId", "basic-flow",
            "description", "cookie, else a form with OTP",
            "topLevel", true,
            "builtIn", false,
            "authenticationExecutions",
                List.of(
                    Map.of(
                        "authenticator",
                        "auth-cookie",
                        "requirement",
                        "ALTERNATIVE",
                        "priority",
                        10,
                        "authenticatorFlow",
                        false),
                    Map.of(
                        "flowAlias",
                        "strict forms",
                        "requirement",
                        "ALTERNATIVE",
                        "priority",
                        20,
                        "authenticatorFlow",
                        true))));
    flows.put(
        "strict forms",
        Map.of(
            "id", "f2",
            "alias", "strict forms",
            "providerId", "basic-flow",
            "topLevel", false,
            "authenticationExecutions",
                List.of(
                    Map.of(
                        "authenticator",
                        "auth-otp-form",
                        "requirement",
                        "REQUIRED",
                        "priority",
                        10,
                        "authenticatorConfig",
                        "otp"))));
    flows.put(
        "browser",
        Map.of(
            "id",
            "b1",
            "alias",
            "browser",
            "builtIn",
            true,
            "authenticationExecutions",
            List.of(Map.of("authenticator", "auth-cookie", "requirement", "ALTERNATIVE"))));
    return new FlowPlanner.Live(
        true, flows, Map.of("otp", Map.of("alias", "otp", "config", Map.of("period", "30"))));
  }

  // --- desired ---

  @Test
  void theDesiredTreeInlinesSubFlowsAndConfigsInStepOrder() throws IOException {
    FlowDesired desired = FlowDesired.of(spec());
    assertEquals(
        List.of("strict browser", "browser"),
        desired.topLevel().stream().map(f -> f.alias()).toList());
    Map<String, Object> tree = desired.tree(desired.flows().get("strict browser"));
    Map<String, Object> otp = new LinkedHashMap<>();
    otp.put("authenticator", "auth-otp-form");
    otp.put("requirement", "REQUIRED");
    otp.put("config", Map.of("alias", "otp", "config", Map.of("period", "30")));
    Map<String, Object> forms = new LinkedHashMap<>();
    forms.put("alias", "strict forms");
    forms.put("providerId", "basic-flow");
    forms.put("description", "");
    forms.put("executions", List.of(otp));
    assertEquals(
        Map.of(
            "alias", "strict browser",
            "providerId", "basic-flow",
            "description", "cookie, else a form with OTP",
            "executions",
                List.of(
                    Map.of("authenticator", "auth-cookie", "requirement", "ALTERNATIVE"),
                    Map.of("flow", forms, "requirement", "ALTERNATIVE"))),
        tree);
  }

  @Test
  void bindingsAreReadAsWrittenAndAnIdNamesItsFlow() throws IOException {
    RealmSpec spec = spec();
    assertEquals(
        List.of("browserFlow=strict browser"),
        FlowDesired.realmBindings(spec).stream().map(b -> b.field() + "=" + b.alias()).toList());
    List<Binding> overrides =
        FlowDesired.clientOverrides(
                spec.of(ClientSpec.SECTION).get(0), Map.of("nowhere", "somewhere"))
            .orElseThrow();
    assertEquals(
        List.of("browser=strict browser", "direct_grant=somewhere"),
        overrides.stream().map(b -> b.field() + "=" + b.alias()).sorted().toList());
    assertEquals(
        "nowhere",
        overrides.stream()
            .filter(b -> b.field().equals("direct_grant"))
            .findFirst()
            .get()
            .written());
  }

  // --- references ---

  @Test
  void anAuthenticatorTheServerLacksIsAnErrorAtItsStep() throws IOException {
    FlowDesired desired = FlowDesired.of(spec());
    var providers =
        new ServerProviders(
            Optional.empty(),
            Optional.of(Map.of(ServerProviders.AUTHENTICATOR, Set.of("auth-cookie"))));
    List<Problem> problems = FlowReferences.authenticators(desired, providers);
    assertEquals(1, problems.size(), problems::toString);
    assertTrue(problems.get(0).message().contains("auth-otp-form"), problems::toString);
    assertTrue(FlowReferences.authenticators(desired, ServerProviders.UNKNOWN).isEmpty());
  }

  @Test
  void aBindingToAFlowThatExistsNowhereIsAnErrorWhereItIsWritten() throws IOException {
    RealmSpec spec = spec();
    FlowDesired desired = FlowDesired.of(spec);
    var known = FlowReferences.known(desired, matching(), true);
    List<Binding> overrides =
        FlowDesired.clientOverrides(spec.of(ClientSpec.SECTION).get(0), Map.of()).orElseThrow();
    List<Problem> problems = FlowReferences.bindings(overrides, known, "r");
    assertEquals(1, problems.size(), problems::toString);
    assertEquals(
        "authentication flow 'nowhere' exists neither in the spec nor in realm 'r'",
        problems.get(0).message());
    assertTrue(FlowReferences.bindings(FlowDesired.realmBindings(spec), known, "r").isEmpty());
  }

  @Test
  void whatIsKnownDependsOnWhatWasRead() throws IOException {
    FlowDesired desired = FlowDesired.of(spec());
    var unread = new FlowPlanner.Live(false, Map.of(), Map.of());
    assertTrue(FlowReferences.known(desired, unread, true).test("anything"));
    assertFalse(FlowReferences.known(desired, matching(), true).test("anything"));
    assertTrue(FlowReferences.known(desired, unread, false).test("direct grant"));
    assertFalse(FlowReferences.known(desired, unread, false).test("anything"));
    assertTrue(FlowReferences.known(desired, matching(), true).test("strict forms"));
  }

  @Test
  void aFlowIdNamesItsAliasDeclaredOrLive() throws IOException {
    assertEquals(
        Map.of("f1", "strict browser", "f2", "strict forms", "b1", "browser"),
        FlowReferences.aliasById(FlowDesired.of(spec()), matching()));
  }

  // --- diff ---

  @Test
  void aMissingFlowIsCreatedWholeAndAMatchingOneIsUnchanged() throws IOException {
    FlowDesired desired = FlowDesired.of(spec());
    var flow = desired.flows().get("strict browser");
    Diff created =
        FlowDiff.flow("r", flow, desired, new FlowPlanner.Live(true, Map.of(), Map.of()));
    assertEquals(1, created.changes().size());
    assertEquals(Action.CREATE, created.changes().get(0).action());
    assertEquals(desired.tree(flow), created.changes().get(0).after());

    assertEquals(new Diff(List.of(), 1), FlowDiff.flow("r", flow, desired, matching()));
  }

  @Test
  void aMaskedConfigValueIsTakenAsDeclaredAndAnyOtherDifferenceRebuildsTheFlow()
      throws IOException {
    FlowDesired desired = FlowDesired.of(spec());
    var flow = desired.flows().get("strict browser");
    FlowPlanner.Live masked =
        new FlowPlanner.Live(
            true,
            matching().flows(),
            Map.of("otp", Map.of("alias", "otp", "config", Map.of("period", "**********"))));
    assertEquals(new Diff(List.of(), 1), FlowDiff.flow("r", flow, desired, masked));

    FlowPlanner.Live other =
        new FlowPlanner.Live(
            true,
            matching().flows(),
            Map.of("otp", Map.of("alias", "otp", "config", Map.of("period", "60"))));
    Diff diff = FlowDiff.flow("r", flow, desired, other);
    assertEquals(1, diff.changes().size());
    Change change = diff.changes().get(0);
    assertEquals(Action.UPDATE, change.action());
    assertEquals(desired.tree(flow), change.after());
    assertEquals(FlowDiff.liveTree("strict browser", other), change.before());
  }

  @Test
  void aBuiltInFlowChangesOnlyTheRequirementsOfItsDeclaredSteps() throws IOException {
    FlowDesired desired = FlowDesired.of(spec());
    Diff diff = FlowDiff.flow("r", desired.flows().get("browser"), desired, matching());
    assertEquals(1, diff.changes().size());
    Change change = diff.changes().get(0);
    assertEquals("authenticationFlows/browser/auth-cookie", change.id().path());
    assertEquals(Map.of("requirement", "ALTERNATIVE"), change.before());
    assertEquals(Map.of("requirement", "DISABLED"), change.after());
    assertEquals(
        Diff.NONE,
        FlowDiff.flow(
            "r",
            desired.flows().get("browser"),
            desired,
            new FlowPlanner.Live(true, Map.of(), Map.of())));
  }

  @Test
  void bindingsCompareByAliasThoughKeycloakHoldsIds() throws IOException {
    RealmSpec spec = spec();
    List<Binding> realm = FlowDesired.realmBindings(spec);
    assertEquals(
        new Diff(List.of(), 1),
        FlowDiff.realmBindings(
            "r", realm, Map.of("browserFlow", "strict browser"), true, spec.origin()));
    Diff rebind = FlowDiff.realmBindings("r", realm, Map.of(), false, spec.origin());
    assertEquals(Map.of("browserFlow", "strict browser"), rebind.changes().get(0).after());
    assertEquals(Diff.NONE, FlowDiff.realmBindings("r", List.of(), Map.of(), true, spec.origin()));

    var client =
        new ClientPlanner.Live(
            Map.of(FlowPlanner.CLIENT_OVERRIDES, Map.of("browser", "f1")),
            Map.of(),
            Set.of(),
            Set.of());
    List<Binding> want =
        List.of(
            new Binding(
                "browser",
                "strict browser",
                "strict browser",
                spec.of(ClientSpec.SECTION).get(0).origin()));
    Map<String, String> aliasById = Map.of("f1", "strict browser");
    assertEquals(
        new Diff(List.of(), 1),
        FlowDiff.clientOverrides(
            "r",
            "app",
            want,
            Optional.of(client),
            aliasById,
            spec.of(ClientSpec.SECTION).get(0).origin()));
    Diff bind =
        FlowDiff.clientOverrides(
            "r",
            "app",
            want,
            Optional.empty(),
            aliasById,
            spec.of(ClientSpec.SECTION).get(0).origin());
    assertEquals(
        Map.of(FlowPlanner.CLIENT_OVERRIDES, Map.of("browser", "strict browser")),
        bind.changes().get(0).after());
  }
}
