package dev.realmctl.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.keycloak.Applier;
import dev.realmctl.keycloak.Connection;
import dev.realmctl.support.SwapsUnderTraffic;
import dev.realmctl.support.TestKeycloak;
import org.junit.jupiter.api.Test;

/** Make before break on one server: no token lacks what both specs grant, no request fails. */
class MakeBeforeBreakIT {
  private static final int SWAPS_EACH_WAY = 3;

  @Test
  void swapsUnderTrafficNeverTakeAwayWhatBothSpecsGrant() {
    TestKeycloak keycloak = TestKeycloak.get();
    try (Connection connection = keycloak.connect()) {
      var seen =
          SwapsUnderTraffic.run(
              connection, keycloak.url(), Applier.DEFAULT_BREAK_AFTER, SWAPS_EACH_WAY);
      System.out.println("make before break: " + seen);
      assertTrue(seen.changes() >= 2 * SWAPS_EACH_WAY * 4, "every apply swapped: " + seen);
      seen.probes()
          .forEach((probe, count) -> assertTrue(count.tokens() > 0, probe + " got tokens"));
      assertTrue(seen.clean(), seen::toString);
    }
  }
}
