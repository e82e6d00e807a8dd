package dev.realmctl.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.support.Admin;
import dev.realmctl.support.Cli;
import dev.realmctl.support.Specs;
import dev.realmctl.support.TestKeycloak;
import dev.realmctl.version.KeycloakVersion;
import dev.realmctl.version.VersionBehaviour;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * What the server's version does by itself is what {@link VersionBehaviour} says it does: on each
 * version of the matrix these tests check the one place against the real server, so a new version's
 * difference fails here first, by name.
 */
class VersionsIT {
  @TempDir Path folder;

  private static VersionBehaviour keycloak() {
    return TestKeycloak.get().behaviour();
  }

  @Test
  void theServerSaysItsVersionAndItIsTheOneTheBuildStarted() {
    String built = System.getProperty("realmctl.keycloak.version");
    if (System.getenv("KEYCLOAK_URL") == null && built != null) {
      assertEquals(KeycloakVersion.of(built), keycloak().server());
    }
  }

  @Test
  void aNewRealmHasTheBuiltInScopesOfItsVersion() {
    String realm = Specs.uniqueName("builtins");
    try (Admin admin = Admin.of(TestKeycloak.get())) {
      RealmRepresentation rep = new RealmRepresentation();
      rep.setRealm(realm);
      rep.setEnabled(true);
      admin.keycloak().realms().create(rep);
      Set<String> live =
          admin.realm(realm).clientScopes().findAll().stream()
              .map(s -> s.getName())
              .collect(Collectors.toCollection(TreeSet::new));
      System.out.println(keycloak() + ": a new realm's client scopes: " + live);
      Set<String> expected = new TreeSet<>(keycloak().clientScopesOfNewRealm());
      Set<String> missing = new TreeSet<>(expected);
      missing.removeAll(live);
      assertEquals(Set.of(), missing, "built-in scopes " + keycloak() + " lacks; live: " + live);
      Set<String> unknown = new TreeSet<>(live);
      unknown.removeAll(expected);
      unknown.removeIf(dev.realmctl.plan.Builtins::clientScope);
      assertEquals(Set.of(), unknown, "built-in scopes VersionBehaviour does not know of");
    }
  }

  @Test
  void whatKeycloakAttachesToAServiceAccountClientIsWhatTheVersionSays() throws IOException {
    String realm = Specs.uniqueName("attached");
    Path spec =
        Files.writeString(
            folder.resolve("sa.yaml"),
            Specs.forServer(
                """
                realm: %s
                clients:
                  - clientId: robot
                    secret: robot-test-secret
                    serviceAccountsEnabled: true
                    protocolMappers: []
                    defaultClientScopes: [basic, profile]
                """
                    .formatted(realm)));
    var applied = Cli.run("apply", spec.toString());
    assertEquals(0, applied.exitCode(), applied.err());
    try (Admin admin = Admin.of(TestKeycloak.get())) {
      ClientRepresentation robot = admin.client(realm, "robot").toRepresentation();
      Set<String> mappers = new HashSet<>();
      if (robot.getProtocolMappers() != null) {
        robot.getProtocolMappers().forEach(m -> mappers.add(m.getName()));
      }
      assertEquals(keycloak().mappersKeycloakAttaches(true), mappers);
      assertTrue(
          robot.getDefaultClientScopes().containsAll(keycloak().scopesKeycloakAttaches(true)),
          robot.getDefaultClientScopes()::toString);
    }
    var again = Cli.run("plan", "--detailed-exitcode", spec.toString());
    assertEquals(0, again.exitCode(), "Keycloak's own additions are no drift: " + again.out());
  }

  @Test
  void aPlanSaysWhichVersionItPlannedAgainst() throws IOException {
    String realm = Specs.uniqueName("told");
    Path spec = Files.writeString(folder.resolve("told.yaml"), "realm: " + realm + "\n");
    var text = Cli.run("plan", spec.toString());
    assertEquals(0, text.exitCode(), text.err());
    assertTrue(
        text.err().contains("requests to Keycloak " + keycloak().server() + ":"), text.err());
    var json = Cli.run("plan", "--output", "json", spec.toString());
    assertTrue(
        json.out().contains("\"keycloak_version\" : \"" + keycloak().server() + "\""), json.out());
  }

  @Test
  void whatTheServersVersionLacksIsRefusedAtItsLineAndNothingIsWritten() throws IOException {
    String realm = Specs.uniqueName("lacks");
    Path spec =
        Files.writeString(
            folder.resolve("lacks.yaml"),
            """
            realm: %s
            organizationsEnabled: false
            clients:
              - clientId: app
                defaultClientScopes: [basic, profile]
            """
                .formatted(realm));
    var run = Cli.run("apply", spec.toString());
    var organizations =
        keycloak().missingField(dev.realmctl.spec.RealmSpec.KIND, "organizationsEnabled");
    var basic = keycloak().missingBuiltInScope("basic");
    if (organizations.isEmpty() && basic.isEmpty()) {
      assertEquals(0, run.exitCode(), run.err());
      assertEquals(0, Cli.run("plan", "--detailed-exitcode", spec.toString()).exitCode());
      return;
    }
    assertEquals(1, run.exitCode(), run.err());
    String runs = "; the server runs " + keycloak().server();
    organizations.ifPresent(
        v ->
            assertTrue(
                run.err()
                    .contains(
                        spec
                            + ":2:1: realm field 'organizationsEnabled' needs Keycloak "
                            + v.minorName()
                            + " or newer"
                            + runs),
                run.err()));
    basic.ifPresent(
        v ->
            assertTrue(
                run.err()
                    .contains(
                        spec
                            + ":5:27: client scope 'basic' needs Keycloak "
                            + v.minorName()
                            + " or newer"
                            + runs),
                run.err()));
    try (Admin admin = Admin.of(TestKeycloak.get())) {
      assertFalse(admin.realmExists(realm), "nothing may be written");
    }
  }
}
