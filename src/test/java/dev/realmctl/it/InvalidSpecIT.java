package dev.realmctl.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.support.Admin;
import dev.realmctl.support.Cli;
import dev.realmctl.support.Specs;
import dev.realmctl.support.TestKeycloak;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A spec that fails, offline or only against the live state, writes nothing at all. */
class InvalidSpecIT {
  @TempDir Path folder;

  @Test
  void referenceToAScopeThatExistsNowhereFailsWithItsLineAndCreatesNoRealm() throws IOException {
    String realm = Specs.uniqueName("invalid");
    Path spec =
        write(
            "bad.yaml",
            "realm: "
                + realm
                + "\n"
                + "clients:\n"
                + "  - clientId: app\n"
                + "    defaultClientScopes: [basic, no-such-scope]\n");
    Cli.Run run = Cli.run("apply", spec.toString());
    assertEquals(1, run.exitCode());
    assertTrue(
        run.err().contains(spec + ":4:34: client scope 'no-such-scope' exists neither"), run.err());
    try (Admin admin = Admin.of(TestKeycloak.get())) {
      assertFalse(admin.realmExists(realm), "nothing may be written for an invalid spec");
    }
  }

  @Test
  void oneBadDocumentStopsTheOthersToo() throws IOException {
    String good = Specs.uniqueName("good");
    Path spec =
        write(
            "two.yaml",
            "realm: "
                + good
                + "\n---\nrealm: "
                + Specs.uniqueName("bad")
                + "\nclients:\n  - clientId: x\n    standardFlowEnabled: sometimes\n");
    Cli.Run run = Cli.run("apply", spec.toString());
    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains(":6:26: 'standardFlowEnabled' must be true or false"), run.err());
    try (Admin admin = Admin.of(TestKeycloak.get())) {
      assertFalse(admin.realmExists(good));
    }
  }

  @Test
  void aRefusalOnlyKeycloakKnowsPointsAtTheSpecLine() throws IOException {
    Path spec =
        write(
            "refused.yaml",
            "realm: "
                + Specs.uniqueName("refused")
                + "\nclients:\n  - clientId: web\n    rootUrl: \"javascript:alert(1)\"\n");
    Cli.Run run = Cli.run("apply", spec.toString());
    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains(spec + ":3:5: create "), run.err());
    assertTrue(run.err().contains("Root URL uses an illegal scheme"), run.err());
    assertTrue(run.err().contains("not done: create"), run.err());
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(folder.resolve(name), content);
  }
}
