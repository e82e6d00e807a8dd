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
}
