package dev.realmctl.local;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpInstructionsTest {
  private static final Path ENV_FILE = Path.of(".realmctl/up.env");

  @Test
  void commandsForTheServerTheApiAndTheEnvFile() {
    String text =
        UpInstructions.text(
            "http://localhost:4321",
            List.of("http://localhost:4321"),
            "http://localhost:4321",
            "http://127.0.0.1:8000",
            ENV_FILE);

    assertTrue(text.contains("source .realmctl/up.env"), text);
    assertTrue(
        text.contains("http://localhost:4321/realms/coolproject/protocol/openid-connect/token"),
        text);
    assertTrue(text.contains("http://127.0.0.1:8000/secure-data"), text);
    assertTrue(text.contains("$COOLPROJECT_CLIENT_APP_SECRET"), "secrets by name only");
    assertFalse(text.contains("Cluster nodes"), text);
  }

  @Test
  void aClusterNamesEveryNodeAndTheOneIssuer() {
    String text =
        UpInstructions.text(
            "http://127.0.0.1:1",
            List.of("http://127.0.0.1:1", "http://127.0.0.1:2"),
            "http://127.0.0.1:1",
            "http://127.0.0.1:8000",
            ENV_FILE);

    assertTrue(
        text.endsWith(
            "Cluster nodes (one issuer, http://127.0.0.1:1; send token requests to either):"
                + " http://127.0.0.1:1 http://127.0.0.1:2"),
        text);
  }
}
