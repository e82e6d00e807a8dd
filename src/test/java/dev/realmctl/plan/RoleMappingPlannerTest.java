package dev.realmctl.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.realmctl.plan.RoleMappingPlanner.Subject;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.UserSpec;
import dev.realmctl.support.LiveRealms;
import dev.realmctl.support.SpecFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RoleMappingPlanner: a holder's declared realm roles, and its roles of each declared client, are
 * the exact set; the default role Keycloak gives every user and realm-management's import-only
 * {@code uma_protection} are compared as if neither side held them; each role must exist.
 */
class RoleMappingPlannerTest {
  private static final String SPEC =
      """
      realm: r
      users:
        - username: ann
          realmRoles: [reader, default-roles-r]
          clientRoles:
            app: [deploy]
            realm-management: [uma_protection, view-users]
      """;

  @TempDir Path folder;

  private RealmSpec spec(String yaml) throws IOException {
    return SpecFiles.load(folder, yaml);
  }

  /** The roles the spec names, as a realm Keycloak's import made has them. */
  private static LiveRealms realm() {
    return LiveRealms.realm("r")
        .realmRoles("reader", "writer", "default-roles-r")
        .client("app")
        .clientRole("app", "deploy")
        .client("realm-management")
        .clientRole("realm-management", "view-users")
        .clientRole("realm-management", "uma_protection");
  }

  /** The first user's mappings planned against these live ones, as UserPlanner plans them. */
  private static ResourcePlanner mappings(
      Set<String> realmRoles, Map<String, Set<String>> clientRoles) {
    return (spec, live, out) -> {
      UserSpec user = spec.of(UserSpec.SECTION).get(0);
      RoleMappingPlanner.plan(
          spec.realm(),
          Subject.user(user.username(), user.serviceAccountClientId()),
          user.realmRoles(),
          user.clientRoles(),
          realmRoles,
          clientRoles,
          user.origin(),
          new References(spec, live, out),
          out);
    };
  }

  @Test
  void absentMappingsAreAddedButNeverTheDefaultRoleNorUmaProtection() throws IOException {
    PlannerRun run = PlannerRun.of(mappings(Set.of(), Map.of()), spec(SPEC), realm().build());
    assertEquals(
        List.of(
            "+ users/ann/realmRoles/reader",
            "+ users/ann/clientRoles/app/deploy",
            "+ users/ann/clientRoles/realm-management/view-users"),
        run.paths());
    assertEquals(Map.of("role", "reader"), run.changes().get(0).after());
    assertEquals(List.of(), run.problems());
  }

  @Test
  void mappingsAsDeclaredPlanNothing() throws IOException {
    var planner =
        mappings(
            Set.of("reader", "default-roles-r"),
            Map.of(
                "app",
                Set.of("deploy"),
                "realm-management",
                Set.of("view-users", "uma_protection")));
    assertEquals(
        new PlannerRun(List.of(), 3, List.of()),
        PlannerRun.of(planner, spec(SPEC), realm().build()));
  }

  @Test
  void whatKeycloakGaveTheUserStaysThoughTheSpecLeavesItOut() throws IOException {
    String yaml =
        SPEC.replace("[reader, default-roles-r]", "[reader]")
            .replace("[uma_protection, view-users]", "[view-users]");
    var planner =
        mappings(
            Set.of("reader", "default-roles-r"),
            Map.of(
                "app",
                Set.of("deploy"),
                "realm-management",
                Set.of("view-users", "uma_protection")));
    assertEquals(
        new PlannerRun(List.of(), 3, List.of()),
        PlannerRun.of(planner, spec(yaml), realm().build()));
  }

  @Test
  void eachDeclaredListIsTheExactSetAndAnUndeclaredClientsRolesStay() throws IOException {
    var planner =
        mappings(
            Set.of("reader", "writer"),
            Map.of(
                "app", Set.of("deploy", "admin"),
                "realm-management", Set.of("view-users"),
                "shop", Set.of("buy")));
    PlannerRun run = PlannerRun.of(planner, spec(SPEC), realm().build());
    assertEquals(
        List.of("- users/ann/realmRoles/writer", "- users/ann/clientRoles/app/admin"), run.paths());
    assertEquals(Map.of("role", "writer"), run.changes().get(0).before());
    assertEquals(3, run.unchanged());
  }

  @Test
  void aMissingRoleOrClientIsReportedAtTheLineNamingIt() throws IOException {
    String yaml =
        SPEC.replace("[reader, default-roles-r]", "[reader, nope]")
            .replace("app: [deploy]", "gone: [deploy]");
    PlannerRun run = PlannerRun.of(mappings(Set.of(), Map.of()), spec(yaml), realm().build());
    assertEquals(
        List.of(
            "4:26: role 'nope' exists neither in the spec nor in realm 'r'",
            "6:7: client 'gone' exists neither in the spec nor in realm 'r'"),
        run.problems());
  }

  @Test
  void aBuiltInRoleCountsOnlyWhileTheRealmIsYetToBeMade() throws IOException {
    String yaml = "realm: r\nusers:\n  - {username: ann, realmRoles: [offline_access]}\n";
    var planner = mappings(Set.of(), Map.of());
    assertEquals(
        List.of("+ users/ann/realmRoles/offline_access"),
        PlannerRun.NEW_REALM.plan(planner, spec(yaml), LiveRealm.empty()).paths());
    assertEquals(
        List.of("3:34: role 'offline_access' exists neither in the spec nor in realm 'r'"),
        PlannerRun.of(planner, spec(yaml), LiveRealms.realm("r").build()).problems());
  }

  @Test
  void aServiceAccountsMappingsAreItsUsers() {
    var id =
        new RoleMappingPlanner.Id(
            "r",
            Subject.user("service-account-app", Optional.of("app")),
            Optional.empty(),
            "reader");
    assertEquals("users/service-account-app/realmRoles/reader", id.path());
    assertEquals(
        "clientScopes/orders/scopeMappings/clientRoles/app/deploy",
        new RoleMappingPlanner.Id("r", Subject.clientScope("orders"), Optional.of("app"), "deploy")
            .path());
  }
}
