package dev.realmctl.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.keycloak.Applier;
import dev.realmctl.keycloak.Connection;
import dev.realmctl.support.ClusterSpecs;
import dev.realmctl.support.SwapsUnderTraffic;
import dev.realmctl.support.TestCluster;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Make before break, under traffic, across the cluster: users and a service keep asking node B for
 * tokens while realmctl swaps, through node A, how their grants are given (SwapsUnderTraffic). No
 * token may lack what both specs grant, no request may fail.
 */
class ClusterTrafficIT {
  private static final int SWAPS_EACH_WAY = 3;

  @Test
  void swapsThroughNodeABreakNoTokenFromNodeB() {
    SwapsUnderTraffic.Seen seen = swaps(Applier.DEFAULT_BREAK_AFTER, SWAPS_EACH_WAY);
    ClusterSpecs.figure("swaps under traffic, node B, --break-after 5: " + seen);
    TestCluster.memoryFigure("after the traffic test");
    seen.probes().forEach((probe, count) -> assertTrue(count.tokens() > 0, probe + " ran"));
    assertTrue(seen.clean(), seen::toString);
  }

  /** Figures only: does a cluster need the pause before removals, or does the order suffice? */
  @Test
  void withoutThePauseBeforeRemovals() {
    // More swaps: without the pause each takes a fraction of a second.
    SwapsUnderTraffic.Seen seen = swaps(Duration.ZERO, 5 * SWAPS_EACH_WAY);
    ClusterSpecs.figure("swaps under traffic, node B, --break-after 0: " + seen);
    seen.probes().forEach((probe, count) -> assertTrue(count.tokens() > 0, probe + " ran"));
  }

  private static SwapsUnderTraffic.Seen swaps(Duration breakAfter, int swapsEachWay) {
    try (Connection connection = TestCluster.connect(TestCluster.nodeA())) {
      return SwapsUnderTraffic.run(connection, TestCluster.nodeB(), breakAfter, swapsEachWay);
    }
  }
}
