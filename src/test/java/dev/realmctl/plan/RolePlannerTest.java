package dev.realmctl.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.realmctl.spec.RealmSpec;
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
 * RolePlanner: realm and client roles, the built-ins a new realm comes with taken as Keycloak makes
 * them, and realm-management's import-only {@code uma_protection} warned about and never written.
 */
class RolePlannerTest {
  private static final String SPEC =
      """
      realm: r
      clients: [{clientId: app}]
      roles:
        realm:
          - {name: reader, description: Reads}
          - {name: default-roles-r}
        client:
          app: [{name: deploy}]
      """;

  @TempDir Path folder;

  private RealmSpec spec(String yaml) throws IOException {
    return SpecFiles.load(folder, yaml);
  }

  private static LiveRealms realm() {
    return LiveRealms.realm("r")
        .client("app")
        .realmRole("default-roles-r", "name", "default-roles-r");
  }

  @Test
  void absentRolesAreCreated() throws IOException {
    PlannerRun run = PlannerRun.of(new RolePlanner(), spec(SPEC), realm().build());
    assertEquals(List.of("+ roles/realm/reader", "+ roles/client/app/deploy"), run.paths());
    assertEquals(
        Map.of("name", "reader", "description", "Reads"),
        run.change("+ roles/realm/reader").after());
    assertEquals(Map.of("name", "deploy"), run.change("+ roles/client/app/deploy").after());
    assertEquals(1, run.unchanged());
  }

  @Test
  void rolesAsDeclaredPlanNothing() throws IOException {
    LiveRealm live =
        realm()
            .realmRole(
                "reader", "id", "1", "name", "reader", "description", "Reads", "composite", false)
            .clientRole("app", "deploy")
            .build();
    assertEquals(
        new PlannerRun(List.of(), 3, List.of()),
        PlannerRun.of(new RolePlanner(), spec(SPEC), live));
  }

  @Test
  void aChangedDescriptionIsAnUpdateOfThatField() throws IOException {
    LiveRealm live =
        realm()
            .realmRole("reader", "name", "reader", "description", "Old")
            .clientRole("app", "deploy")
            .build();
    PlannerRun run = PlannerRun.of(new RolePlanner(), spec(SPEC), live);
    assertEquals(List.of("~ roles/realm/reader"), run.paths());
    assertEquals(
        List.of(
            new FieldChange(
                "description", Optional.empty(), Optional.of("Old"), Optional.of("Reads"))),
        run.changes().get(0).fields());
  }

  @Test
  void aNewRealmsBuiltInRolesAreTakenAsKeycloakMakesThem() throws IOException {
    String export =
        """
        realm: r
        roles:
          realm:
            - {name: default-roles-r}
            - {name: offline_access, description: "${role_offline-access}"}
          client:
            account: [{name: manage-account, description: "${role_manage-account}"}]
            realm-management: [{name: view-users}]
        """;
    PlannerRun run = PlannerRun.NEW_REALM.plan(new RolePlanner(), spec(export), LiveRealm.empty());
    // The realm role's declared description is set once Keycloak made it; the client roles wait.
    assertEquals(List.of("~ roles/realm/offline_access"), run.paths());
    assertEquals(Map.of("description", "${role_offline-access}"), run.changes().get(0).after());
    assertEquals(3, run.unchanged());
    assertEquals(List.of(), run.problems());
  }

  @Test
  void realmManagementsUmaProtectionIsWarnedAboutAndNeverWritten() throws IOException {
    String export = "realm: r\nroles:\n  client:\n    realm-management: [{name: uma_protection}]\n";
    String warning =
        "4:24: warning: role 'uma_protection' of realm-management is made only by Keycloak's"
            + " realm import (exports of a realm with authorization services list it): never"
            + " created (Keycloak refuses writes to realm-management's roles), and who holds it is"
            + " not compared";
    assertEquals(
        new PlannerRun(List.of(), 1, List.of(warning)),
        PlannerRun.NEW_REALM.plan(new RolePlanner(), spec(export), LiveRealm.empty()));
    assertEquals(
        new PlannerRun(List.of(), 1, List.of(warning)),
        PlannerRun.of(
            new RolePlanner(),
            spec(export),
            LiveRealms.realm("r").client("realm-management").build()));
  }

  @Test
  void aRoleOfAClientThatExistsNowhereIsReportedAtItsLine() throws IOException {
    String yaml = "realm: r\nroles:\n  client:\n    gone: [{name: deploy}]\n";
    PlannerRun run = PlannerRun.of(new RolePlanner(), spec(yaml), LiveRealms.realm("r").build());
    assertEquals(
        new PlannerRun(
            List.of(),
            0,
            List.of("4:12: client 'gone' exists neither in the spec nor in realm 'r'")),
        run);
  }

  @Test
  void builtInRolesAreNeitherRecordedNorPruned() throws IOException {
    RealmSpec spec =
        spec(
            """
            realm: r
            clients: [{clientId: app}]
            roles:
              realm: [{name: reader}, {name: default-roles-r}, {name: offline_access}]
              client:
                app: [{name: deploy}]
                account: [{name: manage-account}]
            """);
    var realmRoles = new RolePlanner().owned().get(0);
    var clientRoles = new RolePlanner().owned().get(1);
    assertEquals(Set.of("reader"), realmRoles.declared(spec));
    assertEquals(Set.of("app/deploy"), clientRoles.declared(spec));

    LiveRealm live =
        realm()
            .realmRoles("offline_access", "old")
            .clientRole("app", "gone")
            .clientRole("shop", "buy")
            .build();
    var pruning =
        new Owned.Pruning(
            Ownership.parse("{\"clients\":[\"shop\"],\"roles\":[\"old\",\"offline_access\"]}"),
            Ownership.empty());
    assertEquals(Optional.empty(), realmRoles.delete("r", "offline_access", live, pruning));
    assertEquals(Optional.empty(), realmRoles.delete("r", "default-roles-r", live, pruning));
    assertEquals(
        Optional.of(
            Change.delete(new RolePlanner.Id("r", Optional.empty(), "old"), Map.of("name", "old"))),
        realmRoles.delete("r", "old", live, pruning));
    assertEquals(
        Optional.of(
            Change.delete(
                new RolePlanner.Id("r", Optional.of("app"), "gone"), Map.of("name", "gone"))),
        clientRoles.delete("r", "app/gone", live, pruning));
    // The client goes, and its roles with it.
    assertEquals(Optional.empty(), clientRoles.delete("r", "shop/buy", live, pruning));
  }
}
