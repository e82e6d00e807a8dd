package dev.realmctl.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The probe's resources load, and a server is read with its minor's or the nearest older one's. */
class ServerKeepsTest {
  private static Optional<String> probedMinor(String server) {
    return ServerKeeps.of(KeycloakVersion.of(server)).probed().map(KeycloakVersion::minorName);
  }

  @Test
  void theNewestSupportedVersionHasItsOwnResource() {
    ServerKeeps keeps = ServerKeeps.of(SupportedVersions.newestTested());
    assertEquals(
        Optional.of(SupportedVersions.newestTested().minorName()),
        keeps.probed().map(KeycloakVersion::minorName));
    assertTrue(keeps.drops("IdentityProviderRepresentation", "updateProfileFirstLoginMode"));
    assertFalse(keeps.drops("IdentityProviderRepresentation", "displayName"));
  }

  @Test
  void aMinorWithoutAResourceIsReadWithTheNearestLowerOne() {
    assertEquals(Optional.of("26.7"), probedMinor("26.7.0"));
    assertEquals(Optional.of("26.7"), probedMinor("26.8.1"));
    assertEquals(Optional.of("26.7"), probedMinor("27.0.0"));
    assertEquals(Optional.of("24.0"), probedMinor("26.5.6"));
    assertEquals(Optional.of("24.0"), probedMinor("25.0.6"));
    assertEquals(Optional.of("24.0"), probedMinor("24.0.1"));
  }

  @Test
  void aServerOlderThanEveryResourceKeepsEverything() {
    ServerKeeps keeps = ServerKeeps.of(KeycloakVersion.of("12.0.4"));
    assertEquals(Optional.empty(), keeps.probed());
    assertFalse(keeps.drops("IdentityProviderRepresentation", "updateProfileFirstLoginMode"));
  }

  @Test
  void theResourceNamesDroppedAndRewrittenFieldsByRepresentation() {
    ServerKeeps keeps =
        ServerKeeps.parse(
            Map.of(
                "keycloakVersion",
                "26.7.3",
                "representations",
                Map.of(
                    "UserRepresentation",
                    Map.of(
                        "dropped", List.of("attributes"),
                        "kept", List.of("email"),
                        "rewritten", Map.of("username", Map.of("sent", "A", "read", "a"))))));
    assertTrue(keeps.drops("UserRepresentation", "attributes"));
    assertFalse(keeps.drops("UserRepresentation", "email"));
    assertEquals(
        Map.of("sent", "A", "read", "a"),
        keeps.rewritten().get("UserRepresentation").get("username"));
  }
}
