package dev.realmctl.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.keycloak.Connection;
import dev.realmctl.keycloak.Reconciler;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.support.Specs;
import dev.realmctl.support.TestKeycloak;
import dev.realmctl.support.TestSecrets;
import dev.realmctl.support.Traffic;
import dev.realmctl.support.Traffic.Probe;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Applies that swap how something is granted, while tokens are requested in a loop: a client's
 * audience scope renamed, a user moved between two groups that both grant a role, a role moved from
 * a user to a group. Both specs grant the same, so no token may lack it and no request may fail.
 */
class MakeBeforeBreakIT {
  private static final int SWAPS_EACH_WAY = 3;
  private static final Path SPECS = Path.of("src/test/resources/specs/make-before-break");

  @Test
  void swapsUnderTrafficNeverTakeAwayWhatBothSpecsGrant() throws Exception {
    String realm = Specs.uniqueName("swap");
    RealmSpec old = load("old.yaml", realm);
    RealmSpec renewed = load("new.yaml", realm);
    TestKeycloak keycloak = TestKeycloak.get();
    try (Connection connection = keycloak.connect()) {
      Reconciler reconciler = new Reconciler(connection);
      apply(reconciler, old);

      Traffic traffic = Traffic.start(probes(keycloak.url(), realm));
      int writes = 0;
      for (int i = 0; i < SWAPS_EACH_WAY; i++) {
        writes += apply(reconciler, renewed);
        writes += apply(reconciler, old);
      }
      Map<String, Traffic.Count> seen = traffic.stop();

      System.out.printf(
          "make before break: %d swaps, %d changes applied%n", 2 * SWAPS_EACH_WAY, writes);
      seen.forEach((probe, count) -> System.out.printf("  %s: %s%n", probe, count));
      assertTrue(writes >= 2 * SWAPS_EACH_WAY * 4, "every apply swapped something: " + writes);
      seen.forEach(
          (probe, count) -> {
            assertTrue(count.tokens() > 0, probe + " got tokens during the applies");
            assertTrue(count.clean(), () -> probe + ": " + count);
          });
    }
  }

  private static RealmSpec load(String file, String realm) {
    return Specs.load(Specs.project().resolve(SPECS).resolve(file)).get(0).renamed(realm);
  }

  private static int apply(Reconciler reconciler, RealmSpec spec) {
    return reconciler.apply(reconciler.plan(List.of(spec)), change -> {}).done().size();
  }

  private static List<Probe> probes(String url, String realm) {
    String password = TestSecrets.get("TESTING_ALICE_PASSWORD");
    String webSecret = TestSecrets.get("TESTING_FASTAPI_CLIENT_SECRET");
    return List.of(
        Probe.clientCredentials(
            url,
            realm,
            "service",
            TestSecrets.get("COOLPROJECT_CLIENT_APP_SECRET"),
            Traffic.audience("apiserver")),
        Probe.password(
            url, realm, "web", webSecret, "alice", password, Traffic.realmRole("reader")),
        Probe.password(url, realm, "web", webSecret, "bob", password, Traffic.realmRole("editor")));
  }
}
