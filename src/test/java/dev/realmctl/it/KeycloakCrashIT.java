package dev.realmctl.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.realmctl.keycloak.Applier;
import dev.realmctl.keycloak.Connection;
import dev.realmctl.keycloak.Reconciler;
import dev.realmctl.local.LocalKeycloak;
import dev.realmctl.plan.Change;
import dev.realmctl.plan.UserPlanner;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.support.Specs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Keycloak killed in the middle of an apply: realmctl says what was done and what was not, and once
 * Keycloak is back the next apply converges with nothing duplicated or lost. Needs the server
 * distribution (it kills and restarts its own server on a persistent dev-file database).
 */
class KeycloakCrashIT {
  private static final int USERS = 120;

  @Test
  void applyCutShortByACrashConvergesAfterRestart() throws IOException {
    Path home = Path.of(System.getProperty("realmctl.keycloak.home", "missing"));
    assumeTrue(Files.isDirectory(home), "needs the unpacked server distribution");
    Path target = home.getParent().getParent();
    Path data = target.resolve("it-keycloak/crash-" + System.currentTimeMillis());
    LocalKeycloak.Options options =
        new LocalKeycloak.Options(
            home, data, target.resolve("it-keycloak/crash.log"), "admin", "crash-admin");
    Files.createDirectories(data);
    RealmSpec spec =
        Specs.load(
                Files.writeString(
                    data.resolveSibling("crash.yaml"), spec(Specs.uniqueName("crash"))))
            .get(0);

    LocalKeycloak first = LocalKeycloak.start(options);
    Applier.Failure failure;
    try (Connection connection = connect(first)) {
      Reconciler reconciler = new Reconciler(connection);
      var planned = reconciler.plan(List.of(spec));
      AtomicInteger written = new AtomicInteger();
      failure =
          assertThrows(
              Applier.Failure.class,
              () ->
                  reconciler.apply(
                      planned,
                      change -> {
                        if (written.incrementAndGet() == 40) {
                          first.kill();
                        }
                      }));
      assertTrue(failure.result().done().size() >= 40, "what was done is reported");
      assertFalse(failure.result().notDone().isEmpty(), "what was not done is reported");
      assertEquals(
          planned.plan().changes().size(),
          failure.result().done().size() + failure.result().notDone().size());
    } finally {
      first.close();
    }

    LocalKeycloak second = LocalKeycloak.start(options);
    try (Connection connection = connect(second)) {
      assertEquals(
          List.of(),
          missingAfterRestart(failure.result().done(), second),
          "every change reported done survived the crash");
      Reconciler reconciler = new Reconciler(connection);
      reconciler.apply(reconciler.plan(List.of(spec)), change -> {});
      assertTrue(reconciler.plan(List.of(spec)).plan().isEmpty(), "converged");
      try (var admin =
          org.keycloak.admin.client.Keycloak.getInstance(
              second.url(), "master", "admin", "crash-admin", "admin-cli")) {
        var realm = admin.realm(spec.realm());
        assertEquals(USERS, realm.users().count(), "no user lost or duplicated");
        assertEquals(1, realm.clients().findByClientId("shop").size(), "no client duplicated");
      }
    } finally {
      second.close();
    }
  }

  /** Users reported created before the crash that the restarted server does not have. */
  private static List<String> missingAfterRestart(List<Change> done, LocalKeycloak keycloak) {
    try (var admin =
        org.keycloak.admin.client.Keycloak.getInstance(
            keycloak.url(), "master", "admin", "crash-admin", "admin-cli")) {
      return done.stream()
          .map(Change::id)
          .filter(UserPlanner.Id.class::isInstance)
          .map(id -> (UserPlanner.Id) id)
          .filter(
              id -> admin.realm(id.realm()).users().searchByUsername(id.username(), true).isEmpty())
          .map(UserPlanner.Id::username)
          .toList();
    }
  }

  /**
   * A short retry budget: the point is to see the failure, not to wait for a server that is gone.
   */
  private static Connection connect(LocalKeycloak keycloak) {
    return Connection.open(
        Connection.Settings.password(keycloak.url(), "admin", "crash-admin")
            .withRetryBudget(Duration.ofSeconds(2)));
  }

  private static String spec(String realm) {
    return Specs.shopWithMembers(realm, "crash-test-secret", USERS);
  }
}
