package dev.realmctl.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.spec.AdminPermissionSpec;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.SpecException;
import dev.realmctl.support.LiveRealms;
import dev.realmctl.support.SpecFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminPermissionPlannerTest {
  private static final String SPEC =
      """
      realm: r
      adminPermissionsEnabled: true
      groups:
        - name: helpdesk
      clients:
        - clientId: admin-permissions
          authorizationSettings:
            policies:
              - name: helpdesk-view-users
                type: scope
                config:
                  defaultResourceType: Users
                  resources: '["Users"]'
                  scopes: '["view","reset-password"]'
                  applyPolicies: '["helpdesk-admins"]'
              - name: helpdesk-admins
                type: group
                config:
                  groups: '[{"path":"/helpdesk","extendChildren":false}]'
              - name: shop-view
                type: scope
                config:
                  defaultResourceType: Clients
                  resources: '["shop"]'
                  scopes: '["view"]'
                  applyPolicies: '["helpdesk-admins"]'
      """;

  private static final Map<String, Set<String>> SCHEMA =
      Map.of(
          "Users", Set.of("view", "manage", "reset-password"), "Clients", Set.of("view", "manage"));

  /** As the edge reads a realm where the spec is applied: the client's id named back. */
  private static final Map<String, Map<String, Object>> APPLIED =
      Map.of(
          "helpdesk-admins",
          policy(
              "helpdesk-admins",
              "group",
              Map.of("groups", "[{\"path\":\"/helpdesk\",\"extendChildren\":false}]")),
          "helpdesk-view-users",
          policy(
              "helpdesk-view-users",
              "scope",
              Map.of(
                  "defaultResourceType", "Users",
                  "resources", "[\"Users\"]",
                  "scopes", "[\"view\",\"reset-password\"]",
                  "applyPolicies", "[\"helpdesk-admins\"]")),
          "shop-view",
          policy(
              "shop-view",
              "scope",
              Map.of(
                  "defaultResourceType", "Clients",
                  "resources", "[\"shop\"]",
                  "scopes", "[\"view\"]",
                  "applyPolicies", "[\"helpdesk-admins\"]")));

  @TempDir Path folder;

  private static Map<String, Object> policy(String name, String type, Map<String, String> config) {
    return Map.of(
        "name",
        name,
        "type",
        type,
        "logic",
        "POSITIVE",
        "decisionStrategy",
        "UNANIMOUS",
        "config",
        config);
  }

  private RealmSpec spec(String yaml) throws IOException {
    return SpecFiles.load(folder, yaml);
  }

  private static LiveState live(AdminPermissionPlanner.Live read, String owning) {
    return new LiveState(
        Map.of(
            "r",
            LiveRealms.unnamed()
                .owning(owning)
                .setting("adminPermissionsEnabled", true)
                .client("shop")
                .client("admin-permissions")
                .groups("helpdesk")
                .part(AdminPermissionPlanner.LIVE, read)
                .build()));
  }

  private static List<String> paths(List<Change> changes) {
    return changes.stream()
        .filter(c -> c.id().kind() == Kind.ADMIN_PERMISSION)
        .map(c -> c.action().symbol() + " " + c.id().path())
        .toList();
  }

  private static AdminPermissionPlanner.Live read(Map<String, Map<String, Object>> policies) {
    return new AdminPermissionPlanner.Live(
        policies, SCHEMA, Map.of("0c1e-shop-id", "shop"), Set.of());
  }

  @Test
  void policiesAreMadeBeforeThePermissionsThatApplyThem() throws IOException {
    Plan plan = new Planner().plan(List.of(spec(SPEC)), live(read(Map.of()), "{}"));
    String prefix = "+ clients/admin-permissions/authorizationSettings/policies/";
    assertEquals(
        List.of(prefix + "helpdesk-admins", prefix + "helpdesk-view-users", prefix + "shop-view"),
        paths(ApplyOrder.of(plan.changes())));
  }

  @Test
  void whatTheEdgeReadsBackPlansNothing() throws IOException {
    Plan plan = new Planner().plan(List.of(spec(SPEC)), live(read(APPLIED), "{}"));
    assertTrue(paths(plan.changes()).isEmpty(), () -> paths(plan.changes()).toString());
  }

  @Test
  void keycloaksExportNamingTheClientByIdReadsTheSame() throws IOException {
    Plan plan =
        new Planner()
            .plan(
                List.of(spec(SPEC.replace("'[\"shop\"]'", "'[\"0c1e-shop-id\"]'"))),
                live(read(APPLIED), "{}"));
    assertTrue(paths(plan.changes()).isEmpty(), () -> paths(plan.changes()).toString());
  }

  @Test
  void aPermissionWithoutResourcesIsOnTheWholeTypeAsKeycloakStoresIt() throws IOException {
    Plan plan =
        new Planner()
            .plan(
                List.of(spec(SPEC.replace("resources: '[\"Users\"]'", ""))),
                live(read(APPLIED), "{}"));
    assertTrue(paths(plan.changes()).isEmpty(), () -> paths(plan.changes()).toString());
  }

  @Test
  void aChangedScopeIsAnUpdateOfThatPermission() throws IOException {
    Plan plan =
        new Planner()
            .plan(
                List.of(spec(SPEC.replace("'[\"view\",\"reset-password\"]'", "'[\"view\"]'"))),
                live(read(APPLIED), "{}"));
    assertEquals(
        List.of("~ clients/admin-permissions/authorizationSettings/policies/helpdesk-view-users"),
        paths(plan.changes()));
  }

  @Test
  void onlyWhatRealmctlRecordedIsPrunedPermissionsFirst() throws IOException {
    Map<String, Map<String, Object>> withHandMade = new java.util.HashMap<>(APPLIED);
    withHandMade.put("by-hand", policy("by-hand", "user", Map.of("users", "[]")));
    String spec = SPEC.substring(0, SPEC.indexOf("      policies:")) + "      policies: []\n";
    Plan plan =
        new Planner()
            .plan(
                List.of(spec(spec)),
                live(
                    read(withHandMade),
                    "{\"adminPermissions\":[\"helpdesk-admins\",\"helpdesk-view-users\","
                        + "\"shop-view\"]}"),
                true);
    String prefix = "- clients/admin-permissions/authorizationSettings/policies/";
    List<String> deletes = paths(ApplyOrder.of(plan.changes()));
    assertEquals(3, deletes.size(), deletes::toString);
    assertEquals(prefix + "helpdesk-admins", deletes.get(2), deletes::toString);
  }

  @Test
  void theClientGoesWithTheRealmSwitchNeverWithAPrune() throws IOException {
    Plan plan =
        new Planner()
            .plan(
                List.of(spec("realm: r\n")),
                live(read(Map.of()), "{\"clients\":[\"admin-permissions\",\"shop\"]}"),
                true);
    List<String> deletes =
        plan.resourceChanges().stream()
            .map(c -> c.action().symbol() + " " + c.id().path())
            .toList();
    assertEquals(List.of("- clients/shop"), deletes);
  }

  @Test
  void unknownScopesUsersAndPoliciesAreRefusedAtTheirLine() throws IOException {
    RealmSpec spec =
        spec(
            SPEC.replace("'[\"view\",\"reset-password\"]'", "'[\"view\",\"map-role\"]'")
                .replace("'[\"shop\"]'", "'[\"0ther-id\"]'")
                .replace(
                    "applyPolicies: '[\"helpdesk-admins\"]'\n        - name: helpdesk-admins",
                    "applyPolicies: '[\"nobody\"]'\n        - name: helpdesk-admins"));
    var error =
        assertThrows(
            SpecException.class,
            () -> new Planner().plan(List.of(spec), live(read(APPLIED), "{}")));
    String message = error.getMessage();
    assertTrue(message.contains("resource type 'Users' has no scope 'map-role'"), message);
    assertTrue(message.contains("client '0ther-id' exists neither"), message);
    assertTrue(message.contains("write the clientId"), message);
    assertTrue(message.contains("policy 'nobody' exists neither"), message);
    assertTrue(message.contains("r.yaml:"), message);
  }

  @Test
  void permissionsNeedTheRealmsSwitch() throws IOException {
    RealmSpec spec = spec(SPEC.replace("adminPermissionsEnabled: true\n", ""));
    LiveState off =
        new LiveState(
            Map.of(
                "r",
                LiveRealms.unnamed()
                    .owning("{}")
                    .groups("helpdesk")
                    .client("shop")
                    .part(AdminPermissionPlanner.LIVE, read(Map.of()))
                    .build()));
    var error = assertThrows(SpecException.class, () -> new Planner().plan(List.of(spec), off));
    assertTrue(error.getMessage().contains("adminPermissionsEnabled: true"), error.getMessage());
  }

  @Test
  void theSpecRefusesResourcePermissionsAndScopePermissionsWithoutAType() {
    var error =
        assertThrows(
            SpecException.class,
            () ->
                spec(
                    SPEC.replace("type: group", "type: resource")
                        .replace("            defaultResourceType: Clients\n", "")));
    assertTrue(error.getMessage().contains("no policy of type 'resource'"), error.getMessage());
    assertTrue(
        error.getMessage().contains("permission 'shop-view' needs 'defaultResourceType'"),
        error.getMessage());
  }

  @Test
  void keycloaksFixedSettingsAreAcceptedAsExportsWriteThem() throws IOException {
    RealmSpec spec =
        spec(
            SPEC.replace(
                "    authorizationSettings:\n",
                "    authorizationSettings:\n"
                    + "      policyEnforcementMode: ENFORCING\n"
                    + "      decisionStrategy: UNANIMOUS\n"
                    + "      allowRemoteResourceManagement: true\n"
                    + "      resources: [{name: Users, type: Users}]\n"
                    + "      scopes: [{name: view}]\n"));
    assertEquals(3, spec.of(AdminPermissionSpec.SECTION).size());
  }
}
