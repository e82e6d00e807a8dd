package dev.realmctl.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.support.Cli;
import dev.realmctl.support.Specs;
import dev.realmctl.support.TestKeycloak;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a pipeline passes for a secret it lacks (an empty string) never becomes the secret. */
class SecretInputIT {
  @TempDir Path folder;

  private static Map<String, String> environment(String secret) {
    TestKeycloak keycloak = TestKeycloak.get();
    Map<String, String> env = new HashMap<>();
    env.put("KEYCLOAK_URL", keycloak.url());
    env.put("KEYCLOAK_USER", keycloak.adminUser());
    env.put("KEYCLOAK_PASSWORD", keycloak.adminPassword());
    env.put("APP_SECRET", secret);
    return env;
  }

  private Path spec(String realm) throws IOException {
    return Files.writeString(
        folder.resolve(realm + ".yaml"),
        "realm: "
            + realm
            + "\nclients:\n  - clientId: app\n    serviceAccountsEnabled: true\n"
            + "    secret: ${env:APP_SECRET}\n");
  }

  @Test
  void anEmptyVariableIsAnErrorAtItsLineAndNothingIsWritten() throws IOException {
    String realm = Specs.uniqueName("empty-secret");
    Path spec = spec(realm);

    for (String empty : List.of("", "   ")) {
      var run = Cli.run(environment(empty), "apply", spec.toString());
      assertEquals(1, run.exitCode(), run.out());
      assertTrue(
          run.err().contains(spec + ":5:13: ${env:APP_SECRET}: environment variable APP_SECRET is"),
          run.err());
      assertTrue(run.err().contains("nothing was changed in Keycloak"), run.err());
    }

    String secret = "s3cr3t-" + UUID.randomUUID();
    var plan = Cli.run(environment(secret), "plan", "--detailed-exitcode", spec.toString());
    assertEquals(2, plan.exitCode(), plan.err());
    assertTrue(plan.out().contains("+ realm"), "the realm was never created: " + plan.out());
    assertFalse(plan.out().contains(secret), plan.out());
  }
}
