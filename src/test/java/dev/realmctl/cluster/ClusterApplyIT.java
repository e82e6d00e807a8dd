package dev.realmctl.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.keycloak.Connection;
import dev.realmctl.keycloak.Reconciler;
import dev.realmctl.support.Cli;
import dev.realmctl.support.ClusterSpecs;
import dev.realmctl.support.Specs;
import dev.realmctl.support.TestCluster;
import dev.realmctl.support.Tokens;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * realmctl applies through node A; clients and users use node B right after. Node B caches realms,
 * clients and users and drops an entry when node A tells it the entry changed: these tests show how
 * long node B goes on serving what it had.
 */
class ClusterApplyIT {
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Test
  void whatIsAppliedThroughNodeAServesThroughNodeB() {
    String nodeA = TestCluster.nodeA();
    String nodeB = TestCluster.nodeB();
    String realm = Specs.uniqueName("cluster");
    String oldSecret = ClusterSpecs.secret();
    String newSecret = ClusterSpecs.secret();
    String password = ClusterSpecs.secret();
    Path before = ClusterSpecs.write(realm + "-1", spec(realm, oldSecret, List.of("basic"), ""));
    Path after =
        ClusterSpecs.write(
            realm + "-2",
            spec(
                realm,
                newSecret,
                List.of("basic", "api-audience"),
                ClusterSpecs.user("bob", password)));
    assertEquals(0, Cli.run(TestCluster.environment(nodeA), "apply", before.toString()).exitCode());

    // Node B serves the old state first, so that it has the realm, client and secret cached.
    var token = Tokens.clientCredentials(nodeB, realm, "client-app", oldSecret);
    assertEquals(200, token.statusCode());
    assertTrue(audience(token.path("access_token")).isEmpty());
    assertEquals("invalid_grant", passwordGrant(nodeB, realm, oldSecret, password).path("error"));

    var applied = Cli.run(TestCluster.environment(nodeA), "apply", after.toString());
    assertEquals(0, applied.exitCode(), applied.err());

    Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
    checks.put(
        "new audience in a client-credentials token",
        () -> {
          var r = Tokens.clientCredentials(nodeB, realm, "client-app", newSecret);
          return r.statusCode() == 200 && audience(r.path("access_token")).contains("apiserver");
        });
    checks.put(
        "new secret accepted",
        () -> Tokens.clientCredentials(nodeB, realm, "client-app", newSecret).statusCode() == 200);
    checks.put(
        "old secret refused",
        () -> Tokens.clientCredentials(nodeB, realm, "client-app", oldSecret).statusCode() == 401);
    checks.put(
        "new user's password grant",
        () -> passwordGrant(nodeB, realm, newSecret, password).statusCode() == 200);
    List<String> lags = new ArrayList<>();
    checks.forEach(
        (what, check) -> {
          Waited waited = await(check, System.nanoTime());
          lags.add(
              what
                  + (waited.attempts() == 1
                      ? " at the first request"
                      : " at request " + waited.attempts())
                  + " ("
                  + waited.millis()
                  + " ms)");
          assertTrue(waited.held(), what + " on node B within " + PATIENCE);
        });
    ClusterSpecs.figure("node B after an apply through node A: " + String.join("; ", lags));
  }

  /** Many small changes through node A, each read through node B at once: how often is it late? */
  @Test
  void invalidationLagOverSecretRotations() {
    String nodeA = TestCluster.nodeA();
    String nodeB = TestCluster.nodeB();
    String realm = Specs.uniqueName("rotations");
    List<Long> lags = new ArrayList<>();
    int late = 0;
    // Each round: node B has the old secret cached, node A rotates it, node B is asked at once.
    try (Connection connection = TestCluster.connect(nodeA)) {
      Reconciler reconciler = new Reconciler(connection);
      String secret = ClusterSpecs.secret();
      apply(reconciler, spec(realm, secret, List.of("basic"), ""));
      for (int round = 0; round < 10; round++) {
        String rotated = ClusterSpecs.secret();
        // Cached on node B before the change.
        assertEquals(
            200, Tokens.clientCredentials(nodeB, realm, "client-app", secret).statusCode());
        apply(reconciler, spec(realm, rotated, List.of("basic"), ""));
        Waited waited =
            await(
                () ->
                    Tokens.clientCredentials(nodeB, realm, "client-app", rotated).statusCode()
                        == 200,
                System.nanoTime());
        assertTrue(waited.held(), "rotated secret accepted by node B within " + PATIENCE);
        if (waited.attempts() > 1) {
          late++;
        }
        lags.add(waited.millis());
        secret = rotated;
      }
    }
    ClusterSpecs.figure(
        "secret rotations through node A, first token request through node B refused in "
            + late
            + " of 10; accepted after (ms, the request's own time included) "
            + lags);
  }

  @Test
  void applyWaitsUntilEveryNodeServesTheAppliedState() {
    String nodeA = TestCluster.nodeA();
    String nodeB = TestCluster.nodeB();
    String realm = Specs.uniqueName("wait");
    Path file =
        ClusterSpecs.write(
            realm, spec(realm, ClusterSpecs.secret(), List.of("basic", "api-audience"), ""));
    var env = TestCluster.environment(nodeA);

    var run = Cli.run(env, "apply", file.toString(), "--wait-for-nodes", nodeA + "," + nodeB);

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("node " + nodeA + ": serves the applied state"), run.out());
    assertTrue(run.out().contains("node " + nodeB + ": serves the applied state"), run.out());
    var plan = Cli.run(env, "plan", file.toString(), "--server", nodeB, "--detailed-exitcode");
    assertEquals(0, plan.exitCode(), plan.out() + plan.err());
  }

  @Test
  void applyReportsANodeThatDoesNotAnswer() {
    String realm = Specs.uniqueName("gone");
    Path file = ClusterSpecs.write(realm, spec(realm, ClusterSpecs.secret(), List.of("basic"), ""));
    String gone = "http://127.0.0.1:" + unusedPort();

    var run =
        Cli.run(
            TestCluster.environment(TestCluster.nodeA()),
            "apply",
            file.toString(),
            "--wait-for-nodes",
            TestCluster.nodeB() + "," + gone,
            "--wait-timeout",
            "5");

    assertEquals(1, run.exitCode());
    assertTrue(run.out().contains("node " + TestCluster.nodeB() + ": serves"), run.out());
    assertTrue(run.out().contains("node " + gone + ": does not serve"), run.out());
    assertTrue(run.err().contains("1 of 2 nodes did not serve the applied state"), run.err());
  }

  static String spec(String realm, String secret, List<String> scopes, String users) {
    return "realm: "
        + realm
        + "\nenabled: true\nclientScopes:\n"
        + ClusterSpecs.audienceScope("api-audience", "apiserver")
        + "clients:\n"
        + ClusterSpecs.client("client-app", secret, scopes)
        + (users.isEmpty() ? "" : "users:\n" + users);
  }

  static void apply(Reconciler reconciler, String yaml) {
    var specs = Specs.load(ClusterSpecs.write("spec-" + System.nanoTime(), yaml));
    reconciler.apply(reconciler.plan(specs), c -> {});
  }

  static List<String> audience(String token) {
    List<String> aud = Tokens.claims(token).getAudience();
    return aud == null ? List.of() : aud;
  }

  private static io.restassured.response.Response passwordGrant(
      String node, String realm, String secret, String password) {
    return Tokens.password(node, realm, "client-app", secret, "bob", password);
  }

  /** How long until a check held (the requests' own time included), and at which attempt. */
  record Waited(boolean held, long millis, int attempts) {}

  /** Checks every 50 ms from {@code sinceNanos} until the check holds or {@link #PATIENCE} ends. */
  static Waited await(BooleanSupplier check, long sinceNanos) {
    long deadline = sinceNanos + PATIENCE.toNanos();
    int attempts = 0;
    while (System.nanoTime() < deadline) {
      attempts++;
      if (check.getAsBoolean()) {
        return new Waited(true, (System.nanoTime() - sinceNanos) / 1_000_000, attempts);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return new Waited(false, (System.nanoTime() - sinceNanos) / 1_000_000, attempts);
  }

  private static int unusedPort() {
    try (var socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
