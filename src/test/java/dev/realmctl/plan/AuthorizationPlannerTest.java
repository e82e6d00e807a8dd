package dev.realmctl.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.spec.AuthorizationSpec;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.SpecException;
import dev.realmctl.support.LiveRealms;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthorizationPlannerTest {
  private static final String SPEC =
      """
      realm: r
      roles:
        realm:
          - name: orders-admin
      clients:
        - clientId: shop
          authorizationServicesEnabled: true
          authorizationSettings:
            scopes:
              - name: edit
            resources:
              - name: Orders
                scopes: [{name: edit}]
            policies:
              - name: Permission
                type: scope
                config:
                  resources: '["Orders"]'
                  scopes: '["edit"]'
                  applyPolicies: '["Either"]'
              - name: Either
                type: aggregate
                decisionStrategy: AFFIRMATIVE
                config:
                  applyPolicies: '["Admins"]'
              - name: Admins
                type: role
                config:
                  roles: '[{"id":"orders-admin","required":false}]'
      """;

  @TempDir Path folder;

  private RealmSpec spec(String yaml) throws IOException {
    return dev.realmctl.support.SpecFiles.load(folder, yaml);
  }

  private static LiveState live(AuthorizationPlanner.Read read) {
    return new LiveState(
        Map.of(
            "r",
            LiveRealms.unnamed()
                .owning("{}")
                .client("shop", "authorizationServicesEnabled", true)
                .realmRoles("orders-admin")
                .part(AuthorizationPlanner.LIVE, read)
                .build()));
  }

  private static List<String> paths(List<Change> changes) {
    return changes.stream()
        .filter(c -> c.id().kind() != Kind.OWNERSHIP)
        .map(c -> c.action().symbol() + " " + c.id().path())
        .toList();
  }

  @Test
  void scopesThenResourcesThenPoliciesBeneathWhatApplyThem() throws IOException {
    Plan plan =
        new Planner()
            .plan(List.of(spec(SPEC)), live(new AuthorizationPlanner.Read(Map.of(), Set.of())));
    String prefix = "+ clients/shop/authorizationSettings/";
    assertEquals(
        List.of(
            prefix + "scopes/edit",
            prefix + "resources/Orders",
            prefix + "policies/Admins",
            prefix + "policies/Either",
            prefix + "policies/Permission"),
        paths(ApplyOrder.of(plan.changes())));
  }

  @Test
  void theExportFormPlansNothing() throws IOException {
    var exported =
        new AuthorizationPlanner.Live(
            Map.of("policyEnforcementMode", "ENFORCING"),
            Map.of("edit", Map.of("name", "edit")),
            Map.of("Orders", Map.of("name", "Orders", "scopes", List.of(Map.of("name", "edit")))),
            Map.of(
                "Admins",
                Map.of(
                    "name",
                    "Admins",
                    "type",
                    "role",
                    "config",
                    Map.of("roles", "[{\"required\":false,\"id\":\"orders-admin\"}]")),
                "Either",
                Map.of(
                    "name",
                    "Either",
                    "type",
                    "aggregate",
                    "decisionStrategy",
                    "AFFIRMATIVE",
                    "config",
                    Map.of("applyPolicies", "[\"Admins\"]")),
                "Permission",
                Map.of(
                    "name",
                    "Permission",
                    "type",
                    "scope",
                    "config",
                    Map.of(
                        "resources", "[\"Orders\"]",
                        "scopes", "[\"edit\"]",
                        "applyPolicies", "[\"Either\"]"))));
    Plan plan =
        new Planner()
            .plan(
                List.of(spec(SPEC)),
                live(new AuthorizationPlanner.Read(Map.of("shop", exported), Set.of())));
    assertTrue(paths(plan.changes()).isEmpty(), () -> paths(plan.changes()).toString());
  }

  @Test
  void anUnknownPolicyOrRoleIsRefusedAtItsLine() throws IOException {
    RealmSpec spec =
        spec(
            SPEC.replace("'[\"Admins\"]'", "'[\"Nobody\"]'")
                .replace("\"id\":\"orders-admin\"", "\"id\":\"shop/ghost\""));
    var error =
        assertThrows(
            SpecException.class,
            () ->
                new Planner()
                    .plan(List.of(spec), live(new AuthorizationPlanner.Read(Map.of(), Set.of()))));
    assertTrue(error.getMessage().contains("policy 'Nobody' exists neither"), error.getMessage());
    assertTrue(error.getMessage().contains("role 'shop/ghost' exists neither"), error.getMessage());
    assertTrue(error.getMessage().contains("r.yaml:"), error.getMessage());
  }

  // --- the steps one by one ---

  private static final AuthorizationPlanner.Live NOTHING =
      new AuthorizationPlanner.Live(Map.of(), Map.of(), Map.of(), Map.of());

  private AuthorizationSpec authz(String yaml) throws IOException {
    return spec(yaml).of(AuthorizationSpec.SECTION).get(0);
  }

  @Test
  void desiredPoliciesStandBeneathWhatApplyThemAndTheirConfigIsCanonical() throws IOException {
    AuthorizationSpec authz = authz(SPEC);
    var depths = AuthorizationDesired.depths(authz);
    assertEquals(Map.of("Admins", 0, "Either", 1, "Permission", 2), depths.byPolicy());
    assertTrue(depths.cycles().isEmpty());
    assertEquals(
        Map.of("scopes", List.of("edit")), AuthorizationDesired.resource(authz.resources().get(0)));
    assertEquals(
        Map.of("a", "[\"x\",\"y\"]", "b", "not [json"),
        AuthorizationDesired.canonical(Map.of("a", "[ \"y\", \"x\" ]", "b", "not [json")));
  }

  @Test
  void aCycleOfAppliedPoliciesIsAnErrorAtTheConfig() throws IOException {
    AuthorizationSpec authz =
        authz(SPEC.replace("applyPolicies: '[\"Admins\"]'", "applyPolicies: '[\"Permission\"]'"));
    var depths = AuthorizationDesired.depths(authz);
    assertEquals(1, depths.cycles().size(), depths.cycles()::toString);
    assertTrue(depths.cycles().get(0).message().contains("applies itself"));
  }

  @Test
  void referencesAreFoundInTheSpecTheSnapshotOrWhatTheEdgeFound() throws IOException {
    RealmSpec spec =
        spec(
            SPEC.replace("'[\"Admins\"]'", "'[\"Admins\",\"Live one\"]'")
                .replace("\"id\":\"orders-admin\"", "\"id\":\"shop/found\""));
    AuthorizationSpec authz = spec.of(AuthorizationSpec.SECTION).get(0);
    LiveRealm realm = live(new AuthorizationPlanner.Read(Map.of(), Set.of())).realm("r").get();
    List<String> missing =
        AuthorizationReferences.check(spec, realm, authz, NOTHING).stream()
            .map(p -> p.message())
            .sorted()
            .toList();
    assertEquals(
        List.of(
            "policy 'Live one' exists neither in the spec nor in client 'shop' in Keycloak",
            "role 'shop/found' exists neither in the spec nor in realm 'r' in Keycloak"),
        missing);

    var have =
        new AuthorizationPlanner.Live(
            Map.of(), Map.of(), Map.of(), Map.of("Live one", Map.of("name", "Live one")));
    LiveRealm withFound =
        realm.with(
            AuthorizationPlanner.LIVE,
            new AuthorizationPlanner.Read(Map.of("shop", have), Set.of("role:shop/found")));
    assertTrue(AuthorizationReferences.check(spec, withFound, authz, have).isEmpty());
  }

  @Test
  void aResourceNamingAScopeNobodyHasIsAnError() throws IOException {
    RealmSpec spec = spec(SPEC.replace("scopes: [{name: edit}]", "scopes: [{name: view}]"));
    var problems =
        AuthorizationReferences.check(
            spec, LiveRealm.empty(), spec.of(AuthorizationSpec.SECTION).get(0), NOTHING);
    assertTrue(
        problems.stream().anyMatch(p -> p.message().startsWith("scope 'view' exists neither")),
        problems::toString);
  }

  @Test
  void theDiffCreatesWhatIsMissingAndComparesWhatIsThereInTheExportForm() throws IOException {
    AuthorizationSpec authz = authz(SPEC);
    var depths = AuthorizationDesired.depths(authz);
    Diff created = AuthorizationDiff.policies("r", authz, NOTHING, depths);
    assertEquals(3, created.changes().size());
    Change permission = created.changes().get(0);
    assertEquals(Action.CREATE, permission.action());
    assertEquals("Permission", permission.after().get("name"));
    assertEquals(2, permission.id().level());

    var have =
        new AuthorizationPlanner.Live(
            Map.of(),
            Map.of("edit", Map.of("name", "edit")),
            Map.of("Orders", Map.of("name", "Orders", "scopes", List.of(Map.of("name", "edit")))),
            Map.of());
    assertEquals(new Diff(List.of(), 1), AuthorizationDiff.scopes("r", authz, have));
    assertEquals(new Diff(List.of(), 1), AuthorizationDiff.resources("r", authz, have));
    var renamed =
        new AuthorizationPlanner.Live(
            Map.of(),
            Map.of(),
            Map.of("Orders", Map.of("name", "Orders", "scopes", List.of(Map.of("name", "view")))),
            Map.of());
    Change update = AuthorizationDiff.resources("r", authz, renamed).changes().get(0);
    assertEquals(Action.UPDATE, update.action());
    assertEquals(Map.of("scopes", List.of("edit")), update.after());
  }

  @Test
  void settingsAreCreatedWithAuthorizationAndComparedOnceRead() throws IOException {
    AuthorizationSpec authz =
        authz(
            SPEC.replace(
                "authorizationSettings:\n",
                "authorizationSettings:\n      policyEnforcementMode: PERMISSIVE\n"));
    assertEquals(
        Action.CREATE,
        AuthorizationDiff.settings("r", authz, false, NOTHING).changes().get(0).action());
    var have =
        new AuthorizationPlanner.Live(
            Map.of("policyEnforcementMode", "PERMISSIVE"), Map.of(), Map.of(), Map.of());
    assertEquals(new Diff(List.of(), 1), AuthorizationDiff.settings("r", authz, true, have));
    assertEquals(Diff.NONE, AuthorizationDiff.settings("r", authz(SPEC), true, have));
  }

  @Test
  void aLivePolicyIsDeletedBeforeThePoliciesItAppliesAndACycleEnds() {
    Map<String, Map<String, Object>> live =
        Map.of(
            "admins", Map.of("name", "admins"),
            "writers", Map.of("config", Map.of("applyPolicies", "[\"admins\"]")),
            "edit", Map.of("config", Map.of("applyPolicies", "[\"writers\",\"admins\"]")),
            "loop", Map.of("config", Map.of("applyPolicies", "[\"loop\"]")),
            "broken", Map.of("config", Map.of("applyPolicies", "not json")));
    assertEquals(0, AuthorizationDesired.liveDepth(live, "admins"));
    assertEquals(1, AuthorizationDesired.liveDepth(live, "writers"));
    assertEquals(2, AuthorizationDesired.liveDepth(live, "edit"));
    assertEquals(0, AuthorizationDesired.liveDepth(live, "broken"));
    assertEquals(0, AuthorizationDesired.liveDepth(live, "gone"));
    assertTrue(AuthorizationDesired.liveDepth(live, "loop") <= live.size() + 1);
  }
}
