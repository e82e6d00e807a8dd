package dev.realmctl.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.keycloak.Applier;
import dev.realmctl.keycloak.Connection;
import dev.realmctl.keycloak.Reconciler;
import dev.realmctl.support.ClusterSpecs;
import dev.realmctl.support.Specs;
import dev.realmctl.support.TestCluster;
import dev.realmctl.support.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Make before break, under traffic, across the cluster: a client keeps asking node B for tokens
 * while realmctl swaps, through node A, the client's default audience scope between two scopes that
 * both put {@code apiserver} into aud. No token may lack the audience, no request may fail.
 */
class ClusterTrafficIT {
  private static final int SWAPS_EACH_WAY = 5;

  /** What the loop on node B saw. */
  record Traffic(
      int applies,
      int changes,
      long millis,
      int tokens,
      int withoutAudience,
      int failed,
      String firstFailure) {
    @Override
    public String toString() {
      return applies
          + " applies through node A ("
          + changes
          + " changes) in "
          + millis
          + " ms; node B issued "
          + tokens
          + " tokens, "
          + withoutAudience
          + " without aud apiserver, "
          + failed
          + " requests failed (first: "
          + firstFailure
          + ")";
    }
  }

  @Test
  void swappingAudienceScopesThroughNodeABreaksNoTokenFromNodeB() throws Exception {
    Traffic traffic = swapUnderTraffic(Applier.DEFAULT_BREAK_AFTER, SWAPS_EACH_WAY);
    ClusterSpecs.figure("audience swap under traffic, --break-after 5: " + traffic);
    TestCluster.memoryFigure("after the traffic test");
    assertTrue(traffic.tokens() > 2 * SWAPS_EACH_WAY, "traffic ran while applying");
    assertEquals(0, traffic.failed(), "failed token requests; first: " + traffic.firstFailure());
    assertEquals(0, traffic.withoutAudience(), "tokens without aud apiserver");
  }

  /** Figures only: does a cluster need the pause before removals, or does the order suffice? */
  @Test
  void withoutThePauseBeforeRemovals() throws Exception {
    // More swaps: without the pause each takes a fraction of a second.
    Traffic traffic = swapUnderTraffic(Duration.ZERO, 5 * SWAPS_EACH_WAY);
    ClusterSpecs.figure("audience swap under traffic, --break-after 0: " + traffic);
    assertTrue(traffic.tokens() > 2 * SWAPS_EACH_WAY, "traffic ran while applying");
  }

  private static Traffic swapUnderTraffic(Duration breakAfter, int swapsEachWay) throws Exception {
    String nodeA = TestCluster.nodeA();
    String nodeB = TestCluster.nodeB();
    String realm = Specs.uniqueName("traffic");
    String secret = ClusterSpecs.secret();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger tokens = new AtomicInteger();
    AtomicInteger withoutAudience = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    AtomicReference<String> firstFailure = new AtomicReference<>("none");
    int changes = 0;
    long started;
    try (Connection connection = TestCluster.connect(nodeA)) {
      Reconciler reconciler = new Reconciler(connection, breakAfter);
      ClusterApplyIT.apply(reconciler, spec(realm, secret, "aud-one"));
      assertEquals(200, Tokens.clientCredentials(nodeB, realm, "client-app", secret).statusCode());

      CompletableFuture<Void> loop =
          CompletableFuture.runAsync(
              () -> {
                while (!stop.get()) {
                  var response = Tokens.clientCredentials(nodeB, realm, "client-app", secret);
                  if (response.statusCode() != 200) {
                    failed.incrementAndGet();
                    firstFailure.compareAndSet(
                        "none", response.statusCode() + " " + response.asString());
                  } else {
                    tokens.incrementAndGet();
                    if (!ClusterApplyIT.audience(response.path("access_token"))
                        .contains("apiserver")) {
                      withoutAudience.incrementAndGet();
                    }
                  }
                }
              });
      started = System.nanoTime();
      for (int swap = 0; swap < 2 * swapsEachWay; swap++) {
        var specs =
            Specs.load(
                ClusterSpecs.write(
                    realm + "-" + swap,
                    spec(realm, secret, swap % 2 == 0 ? "aud-two" : "aud-one")));
        var plan = reconciler.plan(specs);
        changes += plan.plan().changes().size();
        reconciler.apply(plan, c -> {});
      }
      // Node B's last answers may still come from before the last apply: let it serve a little.
      Thread.sleep(500);
      stop.set(true);
      loop.get(1, TimeUnit.MINUTES);
    }
    return new Traffic(
        2 * swapsEachWay,
        changes,
        (System.nanoTime() - started) / 1_000_000,
        tokens.get(),
        withoutAudience.get(),
        failed.get(),
        firstFailure.get());
  }

  private static String spec(String realm, String secret, String audienceScope) {
    return "realm: "
        + realm
        + "\nenabled: true\nclientScopes:\n"
        + ClusterSpecs.audienceScope("aud-one", "apiserver")
        + ClusterSpecs.audienceScope("aud-two", "apiserver")
        + "clients:\n"
        + ClusterSpecs.client("client-app", secret, List.of("basic", audienceScope));
  }
}
