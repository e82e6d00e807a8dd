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
    String realm = Specs.uniqueName("cli");
    String text =
        Specs.forServer(Files.readString(Specs.realmFile("coolproject.yaml")))
            .replace("realm: coolproject", "realm: " + realm);
    Path spec = Files.writeString(folder.resolve("cool.yaml"), text);

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
    assertTrue(json.out().contains("\"format_version\" : 1"), json.out());

    for (var run : new Cli.Run[] {pending, applied, clean, json}) {
      for (String secret : TestSecrets.VALUES.values()) {
        assertFalse(
            run.out().contains(secret) || run.err().contains(secret), "a secret was printed");
      }
    }
  }
}
