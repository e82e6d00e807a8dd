package dev.realmctl.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpSecretsTest {
  @TempDir Path folder;

  @Test
  void findsEveryEnvironmentReferenceAndNoFileReference() {
    assertEquals(
        Set.of("A_SECRET", "B_SECRET"),
        UpSecrets.references(
            "secret: ${env:A_SECRET}\n"
                + "{\"value\": \"${env:B_SECRET}\", \"again\": \"${env:A_SECRET}\"}\n"
                + "key: ${file:key.pem}\n"));
  }

  @Test
  void keptValuesStayTheEnvironmentWinsAndTheRestIsGenerated() {
    AtomicInteger generated = new AtomicInteger();
    Map<String, String> environment = Map.of("GIVEN", "from-env", "KEYCLOAK_PASSWORD", "other");

    Map<String, String> chosen =
        UpSecrets.choose(
            Map.of("KEPT", "kept-value", "GIVEN", "stale"),
            Set.of("KEPT", "GIVEN", "NEW"),
            name -> Optional.ofNullable(environment.get(name)),
            () -> "generated-" + generated.incrementAndGet());

    assertEquals(
        Map.of(
            "KEPT", "kept-value",
            "GIVEN", "from-env",
            "NEW", "generated-1",
            "KEYCLOAK_PASSWORD", "generated-2"),
        chosen);
  }

  @Test
  void aSecondRunChangesNoSecretAndKeepsNoServerAddress() throws Exception {
    Path spec = Files.writeString(folder.resolve("realm.json"), "{\"secret\": \"${env:S}\"}");
    Path envFile = folder.resolve("state/up.env");

    UpSecrets first = UpSecrets.prepare(envFile, List.of(folder), name -> Optional.empty());
    first.write(envFile, "http://localhost:1234");
    UpSecrets second = UpSecrets.prepare(envFile, List.of(spec), name -> Optional.empty());

    assertEquals(first.secrets(), second.secrets());
    assertEquals(Set.of("S", "KEYCLOAK_PASSWORD"), second.secrets().keySet());
    assertNotEquals(second.secrets().get("S"), second.adminPassword());
    assertFalse(second.secrets().containsValue("http://localhost:1234"));
    assertEquals(
        "http://localhost:1234", EnvFile.read(envFile).get("KEYCLOAK_URL"), "the file has it");
    assertEquals("admin", second.variables("http://x").get("KEYCLOAK_USER"));
  }
}
