package dev.realmctl.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.keycloak.Connection;
import dev.realmctl.keycloak.Reconciler;
import dev.realmctl.support.ClusterSpecs;
import dev.realmctl.support.Specs;
import dev.realmctl.support.TestCluster;
import dev.realmctl.support.Tokens;
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

  @Test
  void swappingAudienceScopesThroughNodeABreaksNoTokenFromNodeB() throws Exception {
    String nodeA = TestCluster.nodeA();
    String nodeB = TestCluster.nodeB();
    String realm = Specs.uniqueName("traffic");
    String secret = ClusterSpecs.secret();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger tokens = new AtomicInteger();
    AtomicInteger withoutAudience = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    AtomicReference<String> firstFailure = new AtomicReference<>("none");
    int planned = 0;
    long started;
    try (Connection connection = TestCluster.connect(nodeA)) {
      Reconciler reconciler = new Reconciler(connection);
      ClusterApplyIT.apply(reconciler, spec(realm, secret, "aud-one"));
      assertEquals(200, Tokens.clientCredentials(nodeB, realm, "client-app", secret).statusCode());

      CompletableFuture<Void> traffic =
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
      for (int swap = 0; swap < 2 * SWAPS_EACH_WAY; swap++) {
        var specs =
            Specs.load(
                ClusterSpecs.write(
                    realm + "-" + swap,
                    spec(realm, secret, swap % 2 == 0 ? "aud-two" : "aud-one")));
        var plan = reconciler.plan(specs);
        planned += plan.plan().changes().size();
        reconciler.apply(plan, c -> {});
      }
      // Node B's last answers may still come from before the last apply: let it serve a little.
      Thread.sleep(500);
      stop.set(true);
      traffic.get(1, TimeUnit.MINUTES);
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    ClusterSpecs.figure(
        "audience swap under traffic: "
            + 2 * SWAPS_EACH_WAY
            + " applies through node A ("
            + planned
            + " changes) in "
            + millis
            + " ms; node B issued "
            + tokens.get()
            + " tokens, "
            + withoutAudience.get()
            + " without aud apiserver, "
            + failed.get()
            + " requests failed (first: "
            + firstFailure.get()
            + ")");
    TestCluster.memoryFigure("after the traffic test");
    assertTrue(tokens.get() > 2 * SWAPS_EACH_WAY, "traffic ran while applying");
    assertEquals(0, failed.get(), "failed token requests; first: " + firstFailure.get());
    assertEquals(0, withoutAudience.get(), "tokens without aud apiserver");
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
