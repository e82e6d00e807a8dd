package dev.realmctl.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransportTest {
  /** A resolver with fixed answers, as a hostile DNS could give them. */
  private static final Transport.Resolver DNS =
      host -> {
        Map<String, List<String>> table =
            Map.of(
                "127.attacker.example", List.of("203.0.113.7"),
                "localhost", List.of("127.0.0.1", "::1"),
                "keycloak.local", List.of("127.0.0.2"),
                "split.example", List.of("127.0.0.1", "198.51.100.3"),
                "[::1]", List.of("::1"));
        List<String> found = table.get(host);
        if (found == null) {
          throw new UnknownHostException(host);
        }
        List<InetAddress> addresses = new java.util.ArrayList<>();
        for (String address : found) {
          addresses.add(InetAddress.getByName(address));
        }
        return addresses;
      };

  private static void check(String url) {
    Transport.check(url, false, DNS);
  }

  @Test
  void plainHttpIsDecidedByTheAddressesNotTheName() {
    var refused =
        assertThrows(ExitCodes.UserError.class, () -> check("http://127.attacker.example:8080"));
    assertTrue(refused.getMessage().contains("refusing plain http"), refused.getMessage());
    assertThrows(ExitCodes.UserError.class, () -> check("http://split.example"));
    assertDoesNotThrow(() -> check("http://localhost:8080"));
    assertDoesNotThrow(() -> check("http://keycloak.local:8080"));
    assertDoesNotThrow(() -> check("http://[::1]:8080"));
    assertDoesNotThrow(() -> check("https://127.attacker.example"));
    assertDoesNotThrow(() -> Transport.check("http://split.example", true, DNS));
  }

  @Test
  void aUrlWithCredentialsIsRefusedWithoutRepeatingThem() {
    var refused =
        assertThrows(
            ExitCodes.UserError.class, () -> check("https://admin:hunter2-pw@sso.example.test"));
    assertFalse(refused.getMessage().contains("hunter2-pw"), refused.getMessage());
    assertTrue(refused.getMessage().contains("KEYCLOAK_PASSWORD"), refused.getMessage());
    var notUrl =
        assertThrows(ExitCodes.UserError.class, () -> check("http://admin:hunter2 pw@host x"));
    assertFalse(notUrl.getMessage().contains("hunter2"), notUrl.getMessage());
  }
}
