package dev.realmctl.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.realmctl.keycloak.RepresentationCatalog;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.Redactor;
import dev.realmctl.spec.Sensitive;
import dev.realmctl.spec.SpecLoader;
import dev.realmctl.spec.Variables;
import dev.realmctl.support.LiveRealms;
import dev.realmctl.support.SpecFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * UserPlanner: users, their credentials set on create only and kept secret, their groups by path,
 * and service-account users, which Keycloak makes with their client.
 */
class UserPlannerTest {
  private static final String PASSWORD = "correct-horse-battery";

  private static final String SPEC =
      """
      realm: r
      clients: [{clientId: app, serviceAccountsEnabled: true}]
      roles: {realm: [{name: reader}]}
      groups: [{name: staff, subGroups: [{name: ops/team}]}]
      users:
        - username: ann
          email: ann@example.com
          firstName: Ann
          lastName: Lee
          credentials: [{type: password, value: %s}]
          groups: [/staff/ops~/team]
        - serviceAccountClientId: app
          realmRoles: [reader]
      """
          .formatted(PASSWORD);

  private static final Object[] ANN = {
    "id",
    "u1",
    "username",
    "ann",
    "enabled",
    true,
    "email",
    "ann@example.com",
    "firstName",
    "Ann",
    "lastName",
    "Lee",
    "createdTimestamp",
    1
  };

  @TempDir Path folder;

  private RealmSpec spec(String yaml) throws IOException {
    return SpecFiles.load(folder, yaml);
  }

  @Test
  void anAbsentUserIsCreatedWithItsPasswordKeptSecret() throws IOException {
    PlannerRun run = PlannerRun.of(new UserPlanner(), spec(SPEC), LiveRealms.realm("r").build());
    assertEquals(
        List.of(
            "+ users/ann",
            "+ users/ann/groups/staff/ops~/team",
            "+ users/service-account-app/realmRoles/reader"),
        run.paths());
    Change ann = run.change("+ users/ann");
    assertEquals(
        Map.of(
            "username", "ann",
            "enabled", true,
            "email", "ann@example.com",
            "firstName", "Ann",
            "lastName", "Lee",
            "credentials", List.of(Map.of("type", "password", "value", new Sensitive(PASSWORD)))),
        ann.after());
    assertFalse(ann.toString().contains(PASSWORD), ann::toString);
    assertEquals(List.of(), run.problems());
  }

  @Test
  void aUserAsDeclaredPlansNothingAndItsPasswordIsNeverComparedAgain() throws IOException {
    LiveRealm live =
        LiveRealms.realm("r")
            .user("ann", user -> user.fields(ANN).groups("staff/ops~/team"))
            .user(
                "service-account-app",
                user ->
                    user.fields("username", "service-account-app")
                        .realmRoles("reader", "default-roles-r"))
            .build();
    assertEquals(
        new PlannerRun(List.of(), 3, List.of()),
        PlannerRun.of(new UserPlanner(), spec(SPEC), live));
  }

  @Test
  void aChangedFieldIsAnUpdateAndAnUndeclaredGroupIsLeft() throws IOException {
    LiveRealm live =
        LiveRealms.realm("r")
            .user(
                "ann",
                user ->
                    user.fields(ANN)
                        .fields("email", "old@example.com")
                        .groups("staff/ops~/team", "staff"))
            .build();
    PlannerRun run = PlannerRun.of(new UserPlanner(), spec(SPEC), live);
    assertEquals(
        List.of(
            "~ users/ann",
            "- users/ann/groups/staff",
            "+ users/service-account-app/realmRoles/reader"),
        run.paths());
    assertEquals(
        List.of(
            new FieldChange(
                "email",
                Optional.empty(),
                Optional.of("old@example.com"),
                Optional.of("ann@example.com"))),
        run.change("~ users/ann").fields());
    assertEquals(Map.of("group", "staff"), run.change("- users/ann/groups/staff").before());
  }

  @Test
  void aServiceAccountNeedsItsClientsServiceAccountsInTheSpecOrTheRealm() throws IOException {
    String yaml = SPEC.replace("{clientId: app, serviceAccountsEnabled: true}", "{clientId: web}");
    assertEquals(
        List.of(
            "12:5: client 'app' has no service account: set serviceAccountsEnabled: true on it"),
        PlannerRun.of(new UserPlanner(), spec(yaml), LiveRealms.realm("r").client("app").build())
            .problems());
    LiveRealm enabled = LiveRealms.realm("r").client("app", "serviceAccountsEnabled", true).build();
    assertEquals(List.of(), PlannerRun.of(new UserPlanner(), spec(yaml), enabled).problems());
  }

  @Test
  void aGroupPathWithABareSlashIsRefusedWithTheEscapedPath() throws IOException {
    String yaml = SPEC.replace("groups: [/staff/ops~/team]", "groups: [/staff/ops/team]");
    PlannerRun run = PlannerRun.of(new UserPlanner(), spec(yaml), LiveRealms.realm("r").build());
    assertEquals(
        List.of(
            "11:14: group '/staff/ops/team' exists neither in the spec nor in realm 'r':"
                + " a '/' in a name is written '~/', as in '/staff/ops~/team'"),
        run.problems());
  }

  @Test
  void serviceAccountUsersAreTheirClientsNeverRecordedOnTheirOwn() throws IOException {
    Owned users = new UserPlanner().owned().get(0);
    assertEquals(Set.of("ann"), users.declared(spec(SPEC)));
    assertEquals(
        Optional.empty(),
        users.recordedName(new UserPlanner.Id("r", "service-account-app", Optional.of("app"))));
    assertEquals(
        Optional.of("ann"), users.recordedName(new UserPlanner.Id("r", "ann", Optional.empty())));
  }

  @Test
  void aUsernameOrEmailWithCapitalsMeansWhatKeycloakKeepsLowerCaseWithAWarning()
      throws IOException {
    // Keycloak's import stores "Ann" as "ann": compared as written, the plan after the apply found
    // no user "Ann" and created it again, and the email showed as changed on every plan.
    Path file =
        Files.writeString(
            folder.resolve("r.yaml"),
            "realm: r\nusers:\n  - {username: Ann, email: Ann@Example.com}\n");
    SpecLoader.Loaded loaded =
        new SpecLoader(new RepresentationCatalog(), Variables.of(Map.of()), new Redactor())
            .load(List.of(file));
    assertEquals(
        List.of(
            "3:16: Keycloak keeps username in lower case: 'Ann' is 'ann'",
            "3:28: Keycloak keeps email in lower case: 'Ann@Example.com' is 'ann@example.com'"),
        loaded.warnings().stream()
            .map(p -> p.location().line() + ":" + p.location().column() + ": " + p.message())
            .toList());
    RealmSpec spec = loaded.realms().get(0);
    LiveRealm live =
        LiveRealms.realm("r")
            .user(
                "ann",
                user -> user.fields("username", "ann", "enabled", true, "email", "ann@example.com"))
            .build();
    assertEquals(List.of(), PlannerRun.of(new UserPlanner(), spec, live).changes());
  }
}
