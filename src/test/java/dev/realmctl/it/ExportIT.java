package dev.realmctl.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.keycloak.Connection;
import dev.realmctl.keycloak.Reconciler;
import dev.realmctl.plan.Plan;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.support.Cli;
import dev.realmctl.support.Specs;
import dev.realmctl.support.TestKeycloak;
import dev.realmctl.support.TestSecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Exporting a realm and planning the export against it shows no change, and no secret leaks. */
class ExportIT {
  @TempDir Path folder;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "realms/coolproject.yaml",
        "realms/testing.yaml",
        "realms/partners.yaml",
        "src/test/resources/specs/everything.yaml"
      })
  void exportRoundTrips(String file) throws Exception {
    RealmSpec spec = Specs.isolated(Specs.project().resolve(file));
    try (Connection connection = TestKeycloak.get().connect()) {
      Reconciler reconciler = new Reconciler(connection);
      reconciler.apply(reconciler.plan(List.of(spec)), c -> {});
    }
    Path exported = folder.resolve("exported.yaml");
    Cli.Run run = Cli.run("export", spec.realm(), "--output", exported.toString());
    assertEquals(0, run.exitCode(), run.err());
    String yaml = Files.readString(exported);
    for (String secret : TestSecrets.ofRun().values().values()) {
      assertFalse(yaml.contains(secret), "the export holds a secret");
    }
    assertFalse(yaml.matches("(?s).*\\n\\s*id: .*"), "no internal ids");
    assertFalse(yaml.contains("AuthnContextClassRef"), "no built-ins");

    try (Connection connection = TestKeycloak.get().connect()) {
      Plan plan = new Reconciler(connection).plan(Specs.load(exported)).plan();
      assertTrue(
          plan.isEmpty(), () -> "exported spec plans changes: " + plan.changes() + "\n" + yaml);
    }
  }

  /**
   * A realm with one client, two roles, two groups and one user: its default export holds that and
   * little else, and made into a new realm it plans no change there nor against its source.
   */
  @Test
  void defaultExportHoldsWhatDiffersFromANewRealm() throws Exception {
    String realm = Specs.uniqueName("export-small");
    Path spec = folder.resolve("small.yaml");
    Files.writeString(
        spec,
        """
        realm: %s
        enabled: true
        clients:
          - clientId: shop
            publicClient: true
            redirectUris: ["http://localhost:3000/*"]
        roles:
          realm: [{name: reader}, {name: writer}]
        groups:
          - {name: staff, realmRoles: [reader]}
          - {name: admins, realmRoles: [writer]}
        users:
          - {username: alice, email: alice@example.com, enabled: true, groups: [staff]}
        """
            .formatted(realm));
    try (Connection connection = TestKeycloak.get().connect()) {
      Reconciler reconciler = new Reconciler(connection);
      reconciler.apply(reconciler.plan(Specs.load(spec)), c -> {});
    }
    Path full = folder.resolve("full.yaml");
    Path changes = folder.resolve("changes.yaml");
    Cli.Run fullRun = Cli.run("export", realm, "--full", "--output", full.toString());
    assertEquals(0, fullRun.exitCode(), fullRun.err());
    Cli.Run run = Cli.run("export", realm, "--output", changes.toString());
    assertEquals(0, run.exitCode(), run.err());
    String yaml = Files.readString(changes);
    long fullLines = Files.readAllLines(full).size();
    long lines = Files.readAllLines(changes).size();
    System.out.printf("export of %s: %d lines, --full %d lines%n", realm, lines, fullLines);
    assertTrue(lines * 4 < fullLines, () -> lines + " of " + fullLines + " lines:\n" + yaml);
    assertFalse(yaml.contains("\nrequiredActions:"), yaml);
    assertFalse(yaml.contains("\nuserProfile:"), yaml);
    assertFalse(yaml.contains("default-roles-"), yaml);
    assertFalse(yaml.contains(NEW_REALM_PREFIX), yaml);

    String copy = Specs.uniqueName("export-small-copy");
    RealmSpec fromExport = Specs.load(changes).get(0).renamed(copy);
    try (Connection connection = TestKeycloak.get().connect()) {
      Reconciler reconciler = new Reconciler(connection);
      Plan source = reconciler.plan(Specs.load(changes)).plan();
      assertTrue(source.isEmpty(), () -> "against its source: " + source.changes());
      reconciler.apply(reconciler.plan(List.of(fromExport)), c -> {});
      Plan again = reconciler.plan(List.of(fromExport)).plan();
      assertTrue(again.isEmpty(), () -> "against a new realm: " + again.changes());
    }
  }

  private static final String NEW_REALM_PREFIX = "realmctl-defaults-";
}
