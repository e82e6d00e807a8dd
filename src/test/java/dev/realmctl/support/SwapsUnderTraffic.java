package dev.realmctl.support;

import dev.realmctl.keycloak.Connection;
import dev.realmctl.keycloak.Reconciler;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.support.Traffic.Probe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Applies that swap how something is granted, back and forth, while tokens are requested in a loop:
 * a client's audience scope renamed, a user moved between two groups that both grant a role, a role
 * moved from a user to a group (specs/make-before-break). Both specs grant the same, so no token
 * may lack it and no request may fail.
 */
public final class SwapsUnderTraffic {
  private static final Path SPECS = Path.of("src/test/resources/specs/make-before-break");

  private SwapsUnderTraffic() {}

  /** What the loops saw while the applies ran. */
  public record Seen(int applies, int changes, Duration took, Map<String, Traffic.Count> probes) {
    public boolean clean() {
      return probes.values().stream().allMatch(Traffic.Count::clean);
    }

    @Override
    public String toString() {
      StringBuilder out =
          new StringBuilder(
              applies + " applies (" + changes + " changes) in " + took.toMillis() + " ms");
      probes.forEach((probe, count) -> out.append("; ").append(probe).append(": ").append(count));
      return out.toString();
    }
  }

  /**
   * Applies through {@code applyThrough} and requests tokens from {@code tokensFrom}: the same
   * server, or another node of its cluster.
   */
  public static Seen run(
      Connection applyThrough, String tokensFrom, Duration breakAfter, int swapsEachWay) {
    String realm = Specs.uniqueName("swap");
    RealmSpec old = load("old.yaml", realm);
    RealmSpec renewed = load("new.yaml", realm);
    Reconciler reconciler = new Reconciler(applyThrough, breakAfter);
    apply(reconciler, old);

    Traffic traffic = Traffic.start(probes(tokensFrom, realm));
    long started = System.nanoTime();
    int changes = 0;
    for (int i = 0; i < swapsEachWay; i++) {
      changes += apply(reconciler, renewed);
      changes += apply(reconciler, old);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    return new Seen(2 * swapsEachWay, changes, took, traffic.stop());
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
