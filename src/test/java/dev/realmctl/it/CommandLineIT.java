package dev.realmctl.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.support.Cli;
import dev.realmctl.support.Specs;
import dev.realmctl.support.TestSecrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands as a pipeline runs them: exit codes, output, and no secret in either stream. */
class CommandLineIT {
  @TempDir Path folder;

  @Test
  void planApplyPlanWithDetailedExitCodes() throws IOException {
    Path spec = coolproject(Specs.uniqueName("cli"));

    var pending = Cli.run("plan", "--detailed-exitcode", spec.toString());
    assertEquals(2, pending.exitCode(), pending.err());
    assertTrue(pending.out().contains("+ clients/client-app"), pending.out());

    var applied = Cli.run("apply", spec.toString());
    assertEquals(0, applied.exitCode(), applied.err());
    assertTrue(applied.out().contains("Apply complete: 3 created"), applied.out());

    var clean = Cli.run("plan", "--detailed-exitcode", spec.toString());
    assertEquals(0, clean.exitCode(), clean.err());
    assertTrue(clean.out().startsWith("No changes."), clean.out());

    var json = Cli.run("plan", "--output", "json", spec.toString());
    assertTrue(json.out().contains("\"format_version\" : 2"), json.out());

    for (var run : new Cli.Run[] {pending, applied, clean, json}) {
      for (String secret : TestSecrets.ofRun().values().values()) {
        assertFalse(
            run.out().contains(secret) || run.err().contains(secret), "a secret was printed");
      }
    }
  }

  @Test
  void aNodeUrlApplyMayNotUseIsRefusedBeforeAnythingIsWritten() throws IOException {
    Path spec = coolproject(Specs.uniqueName("nodes"));

    var run = Cli.run("apply", spec.toString(), "--wait-for-nodes", "http://kc-2.example.com:8080");

    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains("refusing plain http to kc-2.example.com"), run.err());
    var plan = Cli.run("plan", "--detailed-exitcode", spec.toString());
    assertEquals(2, plan.exitCode(), "nothing was applied: " + plan.out());
  }

  /**
   * The shipped coolproject spec, for this test server's version, under a realm name of its own.
   */
  private Path coolproject(String realm) throws IOException {
    String text =
        Specs.forServer(Files.readString(Specs.realmFile("coolproject.yaml")))
            .replace("realm: coolproject", "realm: " + realm);
    return Files.writeString(folder.resolve("cool-" + realm + ".yaml"), text);
  }
}
