package dev.realmctl.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.keycloak.Connection;
import dev.realmctl.keycloak.Reconciler;
import dev.realmctl.support.Admin;
import dev.realmctl.support.Cli;
import dev.realmctl.support.Specs;
import dev.realmctl.support.TestKeycloak;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * A plan whose credential cannot see a kind the spec declares stops, naming what it could not read
 * and the role to grant, instead of planning from a partial view: a real master user holding only
 * view-realm and view-clients of the realm; then with manage-realm and view-users, which Keycloak's
 * partial export needs (measured on 26.7.3), the plan runs.
 */
class ReadOnlyCredentialIT {
  @TempDir Path folder;

  @Test
  void aPlanThatCannotReadSaysWhichRolesItNeeds() throws Exception {
    String realm = Specs.uniqueName("read-only");
    Path spec =
        Files.writeString(
            folder.resolve("spec.yaml"),
            "realm: "
                + realm
                + "\nclients: [{clientId: app, redirectUris: ['https://app/*']}]\n"
                + "groups: [{name: staff}]\n"
                + "users: [{username: ann, email: ann@example.com}]\n");
    try (Connection connection = TestKeycloak.get().connect();
        Admin admin = Admin.of(TestKeycloak.get())) {
      Reconciler reconciler = new Reconciler(connection);
      reconciler.apply(reconciler.plan(Specs.load(spec)), c -> {});

      String username = "planner-" + realm;
      String password = "planner-" + Long.toHexString(System.nanoTime());
      String userId = createMasterUser(admin, username, password);
      try {
        grant(admin, realm, userId, "view-realm", "view-clients");
        Map<String, String> env = new HashMap<>();
        env.put("KEYCLOAK_URL", TestKeycloak.get().url());
        env.put("KEYCLOAK_USER", username);
        env.put("KEYCLOAK_PASSWORD", password);

        Cli.Run refused = Cli.run(env, "plan", spec.toString());
        assertRefused(
            refused,
            realm,
            "the realm's partial export",
            "the roles 'manage-realm', 'view-clients' and 'view-users'");

        grant(admin, realm, userId, "manage-realm", "view-users");
        Cli.Run planned = Cli.run(env, "plan", "--detailed-exitcode", spec.toString());
        assertEquals(0, planned.exitCode(), planned.out() + planned.err());
      } finally {
        admin.realm("master").users().delete(userId).close();
      }
    }
  }

  private static void assertRefused(Cli.Run run, String realm, String what, String roles) {
    assertEquals(1, run.exitCode(), run.out() + run.err());
    assertTrue(run.err().contains("error: the credential cannot read " + what), run.err());
    assertTrue(
        run.err().contains("of realm '" + realm + "' (Keycloak answered HTTP 403)"), run.err());
    assertTrue(run.err().contains("grant it " + roles + " of that realm"), run.err());
    assertTrue(run.err().contains("Nothing was planned"), run.err());
    assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    assertFalse(run.out().contains("Plan:"), run.out());
  }

  private static String createMasterUser(Admin admin, String username, String password) {
    UserRepresentation user = new UserRepresentation();
    user.setUsername(username);
    user.setEnabled(true);
    CredentialRepresentation credential = new CredentialRepresentation();
    credential.setType(CredentialRepresentation.PASSWORD);
    credential.setValue(password);
    credential.setTemporary(false);
    user.setCredentials(List.of(credential));
    try (var response = admin.realm("master").users().create(user)) {
      return CreatedResponseUtil.getCreatedId(response);
    }
  }

  /** Roles of the realm's management client in master, {@code <realm>-realm}. */
  private static void grant(Admin admin, String realm, String userId, String... roles) {
    var master = admin.realm("master");
    String clientUuid = master.clients().findByClientId(realm + "-realm").get(0).getId();
    List<RoleRepresentation> granted =
        java.util.Arrays.stream(roles)
            .map(role -> master.clients().get(clientUuid).roles().get(role).toRepresentation())
            .toList();
    master.users().get(userId).roles().clientLevel(clientUuid).add(granted);
  }
}
