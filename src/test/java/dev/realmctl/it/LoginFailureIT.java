package dev.realmctl.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.support.Cli;
import dev.realmctl.support.Specs;
import dev.realmctl.support.TestKeycloak;
import dev.realmctl.support.TestSecrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A login Keycloak refuses is said in words that name who, where and what to check. */
class LoginFailureIT {
  @TempDir Path folder;

  @Test
  void aWrongAdminPasswordIsSaidToBeRefusedForThatUserAndRealm() throws IOException {
    TestKeycloak keycloak = TestKeycloak.get();
    Path spec =
        Files.writeString(
            folder.resolve("r.yaml"), "realm: " + Specs.uniqueName("login-failure") + "\n");
    Map<String, String> environment = new HashMap<>(TestSecrets.ofRun().environment(keycloak));
    environment.put("KEYCLOAK_PASSWORD", "not-the-admin-password");

    long started = System.nanoTime();
    Cli.Run run = Cli.run(environment, "plan", "--retry-for", "60", spec.toString());
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertEquals(1, run.exitCode(), run.err());
    assertTrue(
        run.err()
            .startsWith(
                "error: Keycloak refused the credentials of user '"
                    + keycloak.adminUser()
                    + "' (client 'admin-cli') in realm 'master' at "
                    + keycloak.url()),
        run.err());
    assertTrue(run.err().contains("Check KEYCLOAK_USER and KEYCLOAK_PASSWORD"), run.err());
    assertFalse(run.err().contains("cannot be reached"), "a refusal is not retried: " + run.err());
    // Not a speed check: a retried refusal takes at least the 60 s budget after its first failure.
    assertTrue(millis < 60_000, "said at once, not after the retry budget: " + millis + " ms");

    environment.put("KEYCLOAK_PASSWORD", keycloak.adminPassword());
    environment.put("KEYCLOAK_REALM", "no-such-realm-" + Specs.uniqueName("x"));
    Cli.Run noRealm = Cli.run(environment, "plan", spec.toString());
    assertEquals(1, noRealm.exitCode(), noRealm.err());
    assertTrue(noRealm.err().startsWith("error: no realm 'no-such-realm-"), noRealm.err());
  }
}
