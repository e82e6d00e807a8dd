package dev.realmctl.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.keycloak.RepresentationCatalog;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.Redactor;
import dev.realmctl.spec.SpecException;
import dev.realmctl.spec.SpecLoader;
import dev.realmctl.spec.Variables;
import dev.realmctl.support.LiveRealms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlannerTest {
  @TempDir Path folder;

  private RealmSpec spec(String yaml) throws IOException {
    Path file = Files.writeString(folder.resolve("r.yaml"), yaml);
    return new SpecLoader(
            new RepresentationCatalog(), Variables.of(Map.of("S", "secret-1")), new Redactor())
        .load(List.of(file))
        .realms()
        .get(0);
  }

  private static List<String> paths(Plan plan) {
    return dev.realmctl.support.SpecFiles.paths(plan);
  }

  private static final String CLIENT_APP =
      """
      realm: r
      clients:
        - clientId: app
          secret: ${env:S}
          serviceAccountsEnabled: true
          redirectUris: [a]
          defaultClientScopes: [basic]
      users:
        - serviceAccountClientId: app
          realmRoles: [reader]
      roles:
        realm: [{name: reader}]
      """;

  @Test
  void theDefaultRoleAnExportListsForAUserPlansNothing() throws IOException {
    String export =
        CLIENT_APP.replace("realmRoles: [reader]", "realmRoles: [reader, default-roles-r]");
    Plan plan = new Planner().plan(List.of(spec(export)), matching().state());
    assertTrue(plan.isEmpty(), () -> paths(plan).toString());
  }

  @Test
  void aNewRealmsBuiltInClientsAreUpdatedAndRealmManagementIsLeftToKeycloak() throws IOException {
    String export =
        """
        realm: r
        clients:
          - clientId: account
            baseUrl: /realms/r/account/
            defaultClientScopes: [basic]
          - clientId: realm-management
            bearerOnly: true
            defaultClientScopes: []
        """;
    Plan plan = new Planner().plan(List.of(spec(export)), new LiveState(Map.of()));
    List<String> paths = paths(plan);
    assertTrue(paths.contains("~ clients/account"), paths.toString());
    assertTrue(paths.contains("- clients/account/defaultClientScopes/profile"), paths.toString());
    assertTrue(paths.stream().noneMatch(p -> p.startsWith("+ clients/account")), paths.toString());
    assertTrue(paths.stream().noneMatch(p -> p.contains("realm-management")), paths.toString());
  }

  @Test
  void absentRealmIsCreatedInDependencyOrder() throws IOException {
    Plan plan = new Planner().plan(List.of(spec(CLIENT_APP)), new LiveState(Map.of()));
    assertEquals(
        List.of(
            "+ realm",
            "+ clients/app",
            "+ roles/realm/reader",
            "+ users/service-account-app/realmRoles/reader",
            "~ ownership"),
        paths(plan));
  }

  @Test
  void matchingRealmPlansNothingAndIgnoresWhatKeycloakManages() throws IOException {
    Plan plan = new Planner().plan(List.of(spec(CLIENT_APP)), matching().state());
    assertTrue(plan.isEmpty(), () -> paths(plan).toString());
  }

  @Test
  void driftIsPlannedFieldByField() throws IOException {
    LiveState live =
        matching()
            .clientChanged("app", "redirectUris", List.of("a", "b"), "secret", "rotated-by-hand")
            .defaultScopes("app", "basic", "profile")
            .state();

    Plan plan = new Planner().plan(List.of(spec(CLIENT_APP)), live);
    assertEquals(
        List.of("~ clients/app", "- clients/app/defaultClientScopes/profile"), paths(plan));
    var fields = plan.changes().get(0).fields().stream().map(FieldChange::name).toList();
    assertEquals(List.of("redirectUris", "secret"), fields);
  }

  @Test
  void referenceToAMissingScopeFailsWithTheSpecLine() throws IOException {
    RealmSpec spec =
        spec("realm: r\nclients:\n  - clientId: app\n    defaultClientScopes: [basic, nope]\n");
    SpecException e =
        assertThrows(
            SpecException.class, () -> new Planner().plan(List.of(spec), matching().state()));
    assertTrue(
        e.getMessage()
            .endsWith(
                "r.yaml:4:34: client scope 'nope' exists neither in the spec nor in realm 'r'"),
        e::getMessage);
  }

  @Test
  void aScopeMappingListIsTheExactSet() throws IOException {
    LiveState live =
        matching()
            .realmRoles("writer")
            .scopeMapping(
                RoleMappingPlanner.Subject.client("app"),
                new ScopeMappingPlanner.RoleScope(Set.of("writer"), Map.of()))
            .state();
    RealmSpec spec = spec(CLIENT_APP + "scopeMappings: [{client: app, roles: [reader]}]\n");

    Plan plan = new Planner().plan(List.of(spec), live);
    assertEquals(
        List.of(
            "+ clients/app/scopeMappings/realmRoles/reader",
            "- clients/app/scopeMappings/realmRoles/writer"),
        paths(plan));
  }

  @Test
  void aScopeMappingOfAMissingRoleFailsWithTheSpecLine() throws IOException {
    RealmSpec spec =
        spec(CLIENT_APP + "scopeMappings:\n  - {client: app, roles: [reader, nope]}\n");
    SpecException e =
        assertThrows(
            SpecException.class, () -> new Planner().plan(List.of(spec), matching().state()));
    assertTrue(
        e.getMessage()
            .endsWith("r.yaml:14:35: role 'nope' exists neither in the spec nor in realm 'r'"),
        e::getMessage);
  }

  @Test
  void pruneDeletesOnlyWhatRealmctlOwnsAndTheSpecDropped() throws IOException {
    LiveState owningOld =
        matching()
            .client("old")
            .client("by-hand")
            .client("account")
            .owning("{\"clients\":[\"account\",\"app\",\"old\"],\"roles\":[\"reader\"]}")
            .state();

    Plan withoutPrune = new Planner().plan(List.of(spec(CLIENT_APP)), owningOld);
    assertTrue(withoutPrune.isEmpty(), () -> "no deletion without --prune: " + paths(withoutPrune));

    Plan pruned = new Planner().plan(List.of(spec(CLIENT_APP)), owningOld, true);
    assertEquals(List.of("- clients/old", "~ ownership"), paths(pruned));
  }

  @Test
  void subGroupsArePlannedByPathAndAPrunedSubTreeGoesWithItsTop() throws IOException {
    LiveRealm live =
        LiveRealms.realm("r")
            .owning(
                "{\"groups\":[\"staff\",\"staff/ops\",\"staff/ops/oncall\","
                    + "\"staff/ops/oncall/night\"],\"users\":[\"ann\"]}")
            .groups("staff", "staff/ops", "staff/ops/oncall", "staff/ops/oncall/night")
            .user("ann", user -> user.fields("username", "ann").groups("staff/ops/oncall"))
            .build();
    RealmSpec spec =
        spec(
            """
            realm: r
            groups:
              - name: staff
                subGroups:
                  - {name: dev}
            users:
              - {username: ann, groups: [/staff/dev, staff]}
            """);

    Plan pruned = new Planner().plan(List.of(spec), new LiveState(Map.of("r", live)), true);
    assertEquals(
        List.of(
            "+ groups/staff/dev",
            "+ users/ann/groups/staff/dev",
            "+ users/ann/groups/staff",
            "- users/ann/groups/staff/ops/oncall",
            "- groups/staff/ops",
            "~ ownership"),
        paths(pruned));
  }

  @Test
  void aUsersGroupMustExistByPath() throws IOException {
    RealmSpec spec =
        spec(
            """
            realm: r
            groups:
              - {name: staff, subGroups: [{name: ops}]}
            users:
              - {username: ann, groups: [/staff/ops, /ops]}
            """);
    SpecException e =
        assertThrows(
            SpecException.class,
            () -> new Planner().plan(List.of(spec), new LiveState(Map.of("r", LiveRealm.empty()))));
    assertEquals(1, e.problems().size(), e.problems().toString());
    assertTrue(
        e.problems()
            .get(0)
            .toString()
            .endsWith("r.yaml:5:42: group '/ops' exists neither in the spec nor in realm 'r'"),
        e.problems().toString());
  }

  /** A realm that has what {@link #CLIENT_APP} declares, and records it as realmctl's. */
  private static LiveRealms matching() {
    return LiveRealms.realm("r")
        .owning("{\"clients\":[\"app\"],\"roles\":[\"reader\"]}")
        .client(
            "app",
            "secret",
            "secret-1",
            "serviceAccountsEnabled",
            true,
            "redirectUris",
            List.of("a"))
        .defaultScopes("app", "basic", "service_account")
        .clientScope("basic")
        .realmRoles("reader")
        .realmRole("default-roles-r")
        .user("service-account-app", user -> user.realmRoles("reader", "default-roles-r"));
  }

  @Test
  void realmManagementsUmaProtectionFromAnImportIsNeverWritten() throws IOException {
    // What kc.sh export writes for a realm kc.sh import made with a client's authorization
    // services (both corpus flows.json files): a role only an import makes, held by the client's
    // service account. Writing it is refused (HTTP 403); it is left to Keycloak.
    String export =
        """
        realm: r
        clients:
          - clientId: orders-api
            secret: ${env:S}
            serviceAccountsEnabled: true
            authorizationServicesEnabled: true
            defaultClientScopes: [basic]
        roles:
          client:
            realm-management: [{name: uma_protection}, {name: view-users}]
        users:
          - serviceAccountClientId: orders-api
            clientRoles: {realm-management: [uma_protection, view-users]}
        """;
    Plan plan = new Planner().plan(List.of(spec(export)), new LiveState(Map.of()));
    List<String> paths = paths(plan);
    assertTrue(paths.stream().noneMatch(p -> p.contains("uma_protection")), paths.toString());
    assertTrue(
        paths.stream()
            .anyMatch(p -> p.startsWith("+ ") && p.endsWith("realm-management/view-users")),
        paths.toString());
    // The planner says so, at the role's line: the spec reader knows nothing of Keycloak's roles.
    assertEquals(1, plan.warnings().size(), plan.warnings().toString());
    assertTrue(
        plan.warnings().get(0).toString().matches(".*:10:24: warning: role 'uma_protection'.*"),
        plan.warnings().toString());
  }
}
