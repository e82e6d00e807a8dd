package dev.realmctl.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.keycloak.Applier;
import dev.realmctl.keycloak.Connection;
import dev.realmctl.keycloak.Reconciler;
import dev.realmctl.plan.Ownership;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.support.Admin;
import dev.realmctl.support.Specs;
import dev.realmctl.support.TestKeycloak;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ownership record is merged on write, and keeps what a failed apply created. */
class OwnershipMergeIT {
  @TempDir Path folder;

  @Test
  void twoSpecsOfOneRealmAppliedAtOnceBothKeepTheirEntries() throws Exception {
    String realm = Specs.uniqueName("owners");
    try (Connection connection = TestKeycloak.get().connect();
        Admin admin = Admin.of(TestKeycloak.get())) {
      Reconciler reconciler = new Reconciler(connection);
      reconciler.apply(reconciler.plan(List.of(spec(realm, ""))), c -> {});
      for (int round = 1; round <= 3; round++) {
        RealmSpec left = spec(realm, "clients: [{clientId: left-" + round + "}]\n");
        RealmSpec right = spec(realm, "clients: [{clientId: right-" + round + "}]\n");
        CyclicBarrier bothPlanned = new CyclicBarrier(2);
        CompletableFuture<?> one = applyAfterPlanning(left, bothPlanned);
        CompletableFuture<?> other = applyAfterPlanning(right, bothPlanned);
        one.join();
        other.join();

        Set<String> recorded =
            Ownership.recordedIn(
                    Map.of("attributes", admin.realm(realm).toRepresentation().getAttributes()))
                .of("clients");
        for (int earlier = 1; earlier <= round; earlier++) {
          assertTrue(recorded.contains("left-" + earlier), round + ": " + recorded);
          assertTrue(recorded.contains("right-" + earlier), round + ": " + recorded);
        }
      }
    }
  }

  @Test
  void whatAFailedApplyCreatedIsOwnedAndPruned() throws IOException {
    String realm = Specs.uniqueName("failed");
    try (Connection connection = TestKeycloak.get().connect();
        Admin admin = Admin.of(TestKeycloak.get())) {
      Reconciler reconciler = new Reconciler(connection);
      reconciler.apply(reconciler.plan(List.of(spec(realm, ""))), c -> {});
      RealmSpec refused =
          spec(
              realm,
              "clients: [{clientId: made-before-failing}]\n"
                  + "users: [{username: bad, email: 'not an email'}]\n");
      Applier.Failure failure =
          assertThrows(
              Applier.Failure.class,
              () -> reconciler.apply(reconciler.plan(List.of(refused)), c -> {}));
      assertTrue(failure.getMessage().contains("users/bad"), failure.getMessage());
      assertEquals(1, admin.realm(realm).clients().findByClientId("made-before-failing").size());

      reconciler.apply(reconciler.plan(List.of(spec(realm, "")), true), c -> {});
      assertTrue(
          admin.realm(realm).clients().findByClientId("made-before-failing").isEmpty(),
          "the prune deleted the client the failed apply created");
    }
  }

  @Test
  void theGroupAndScopeAFailedApplyCreatedAreOwnedAndPruned() throws IOException {
    String realm = Specs.uniqueName("failed-groups");
    try (Connection connection = TestKeycloak.get().connect();
        Admin admin = Admin.of(TestKeycloak.get())) {
      Reconciler reconciler = new Reconciler(connection);
      reconciler.apply(reconciler.plan(List.of(spec(realm, ""))), c -> {});
      RealmSpec refused =
          spec(
              realm,
              "groups: [{name: made-before-failing, subGroups: [{name: sub}]}]\n"
                  + "clientScopes: [{name: scope-before-failing}]\n"
                  + "users: [{username: bad, email: 'not an email'}]\n");
      Applier.Failure failure =
          assertThrows(
              Applier.Failure.class,
              () -> reconciler.apply(reconciler.plan(List.of(refused)), c -> {}));
      assertTrue(failure.getMessage().contains("users/bad"), failure.getMessage());
      Ownership recorded =
          Ownership.recordedIn(
              Map.of("attributes", admin.realm(realm).toRepresentation().getAttributes()));
      assertEquals(Set.of("made-before-failing", "made-before-failing/sub"), recorded.of("groups"));
      assertEquals(Set.of("scope-before-failing"), recorded.of("clientScopes"));

      reconciler.apply(reconciler.plan(List.of(spec(realm, "")), true), c -> {});
      assertTrue(
          admin.realm(realm).groups().groups("made-before-failing", 0, 10).isEmpty(),
          "the prune deleted the group the failed apply created");
      assertTrue(
          admin.realm(realm).clientScopes().findAll().stream()
              .noneMatch(s -> s.getName().equals("scope-before-failing")),
          "the prune deleted the client scope the failed apply created");
    }
  }

  private static CompletableFuture<?> applyAfterPlanning(RealmSpec spec, CyclicBarrier planned) {
    return CompletableFuture.runAsync(
        () -> {
          try (Connection connection = TestKeycloak.get().connect()) {
            Reconciler reconciler = new Reconciler(connection);
            var plan = reconciler.plan(List.of(spec));
            planned.await();
            reconciler.apply(plan, change -> {});
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private RealmSpec spec(String realm, String body) throws IOException {
    Path file =
        Files.writeString(
            folder.resolve("owners-" + (realm + body).hashCode() + ".yaml"),
            "realm: " + realm + "\n" + body);
    return Specs.load(file).get(0);
  }
}
