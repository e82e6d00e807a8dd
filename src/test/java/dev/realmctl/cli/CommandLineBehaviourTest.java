package dev.realmctl.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.local.TestPorts;
import dev.realmctl.support.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How realmctl behaves as a command line tool, without a Keycloak: help, exit codes, words. */
class CommandLineBehaviourTest {
  private static final Map<String, String> NO_ENVIRONMENT = Map.of();

  @TempDir Path folder;

  @Test
  void everyCommandAnswersHelp() {
    var names = Realmctl.commandLine(NO_ENVIRONMENT).getSubcommands().keySet();
    assertTrue(names.containsAll(java.util.List.of("plan", "apply", "validate", "up", "export")));
    assertAll(
        names.stream()
            .map(
                name ->
                    () -> {
                      Cli.Run run = Cli.run(NO_ENVIRONMENT, name, "--help");
                      assertEquals(0, run.exitCode(), name + " --help: " + run.err());
                      assertTrue(
                          run.out().contains("Usage: realmctl " + name + " "),
                          name + " --help printed: " + run.out() + run.err());
                      assertEquals("", run.err(), name + " --help");
                    }));
  }

  @Test
  void aUsageErrorExitsOneNotTheChangesPendingTwo() {
    Cli.Run run = Cli.run(NO_ENVIRONMENT, "plan", "--detailed-exitcode", "--outptu", "json");
    assertEquals(ExitCodes.ERROR, run.exitCode());
    assertEquals(1, ExitCodes.USAGE);
    assertTrue(run.err().contains("error: Unknown option: '--outptu'"), run.err());
    assertTrue(run.err().contains("--output"), "suggests the option meant: " + run.err());
    assertTrue(run.err().contains("realmctl plan --help"), run.err());

    Cli.Run missing = Cli.run(NO_ENVIRONMENT, "resource-server", "--issuer", "http://x");
    assertEquals(ExitCodes.ERROR, missing.exitCode(), missing.err());
    assertTrue(missing.err().contains("--audience"), missing.err());
  }

  @Test
  void validateWorksWithoutTheSecretsAndNamesWhatApplyWillNeed() throws IOException {
    Path spec =
        Files.writeString(
            folder.resolve("offline.yaml"),
            """
            realm: offline
            clients:
              - clientId: app
                secret: ${env:OFFLINE_APP_SECRET}
              - clientId: other
                secret: ${file:secrets/other.txt}
              - clientId: third
                secret: ${env:OFFLINE_SET}
            """);
    Cli.Run run =
        Cli.run(Map.of("OFFLINE_SET", "a-value-that-is-set"), "validate", spec.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("1 realm valid.\n", run.out().replace("\r\n", "\n"));
    assertTrue(
        run.err()
            .contains(
                "note: plan and apply will need these environment variables, not set here:"
                    + " OFFLINE_APP_SECRET\n"),
        run.err());
    assertTrue(
        run.err()
            .contains("these files, not readable here: " + folder.resolve("secrets/other.txt")),
        run.err());
    assertFalse(run.err().contains("error"), run.err());

    Cli.Run plan =
        Cli.run(
            Map.of("KEYCLOAK_URL", "http://127.0.0.1:" + TestPorts.free()),
            "plan",
            spec.toString());
    assertEquals(ExitCodes.ERROR, plan.exitCode());
    assertTrue(
        plan.err().contains("environment variable OFFLINE_APP_SECRET is not set"),
        "plan still requires the values: " + plan.err());
  }

  @Test
  void validateStillRefusesWhatIsWrongBesidesValues() throws IOException {
    Path spec =
        Files.writeString(
            folder.resolve("wrong.yaml"),
            "realm: wrong\nclients:\n  - clientId: app\n    secret: ${env:NOT_SET_HERE}\n"
                + "    enabledd: true\n");
    Cli.Run run = Cli.run(NO_ENVIRONMENT, "validate", spec.toString());
    assertEquals(ExitCodes.ERROR, run.exitCode());
    assertTrue(run.err().contains("enabledd"), run.err());
  }

  @Test
  void aServerThatCannotBeReachedIsSaidAtTheFirstFailureAndAtTheEnd() throws IOException {
    Path spec = Files.writeString(folder.resolve("r.yaml"), "realm: unreachable\n");
    String url = "http://127.0.0.1:" + TestPorts.free();
    Map<String, String> environment =
        Map.of("KEYCLOAK_URL", url, "KEYCLOAK_USER", "admin", "KEYCLOAK_PASSWORD", "whatever");
    Cli.Run run = Cli.run(environment, "plan", "--retry-for", "2", spec.toString());
    assertEquals(ExitCodes.ERROR, run.exitCode());
    String[] lines = run.err().split("\\R");
    assertEquals(
        "Keycloak at " + url + " cannot be reached (connection refused); retrying for up to 2 s",
        lines[0],
        run.err());
    assertEquals(
        "error: Keycloak at " + url + " cannot be reached (connection refused); gave up after 2 s",
        lines[1],
        run.err());
    assertTrue(lines[2].contains("--retry-for"), run.err());
  }
}
