package dev.realmctl.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.keycloak.Applier;
import dev.realmctl.keycloak.Connection;
import dev.realmctl.keycloak.Reconciler;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.support.Admin;
import dev.realmctl.support.Specs;
import dev.realmctl.support.TestKeycloak;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two pipelines apply the same spec to the same realm at the same moment, both having planned from
 * the same empty state: the realm ends in the spec's state with nothing twice. Both succeed as a
 * rule; Keycloak may refuse one racing write for a reason of its own, and then that apply reports
 * what it did and a rerun converges.
 */
class ConcurrentApplyIT {
  private static final int USERS = 30;

  @TempDir Path folder;

  @Test
  void twoAppliesAtOnceBothEndInTheSpecsState() throws Exception {
    String realm = Specs.uniqueName("race");
    RealmSpec spec = Specs.load(Files.writeString(folder.resolve("race.yaml"), spec(realm))).get(0);
    CyclicBarrier bothPlanned = new CyclicBarrier(2);

    CompletableFuture<Optional<Applier.Failure>> first = applyAfterPlanning(spec, bothPlanned);
    CompletableFuture<Optional<Applier.Failure>> second = applyAfterPlanning(spec, bothPlanned);
    List<Applier.Failure> refused =
        Stream.of(first.join(), second.join()).flatMap(Optional::stream).toList();

    // Keycloak may refuse one of two racing writes for a reason of its own; that apply must say
    // what it did, and running it again must converge.
    assertTrue(refused.size() < 2, () -> "both refused: " + refused);
    for (Applier.Failure failure : refused) {
      System.out.println("one apply was refused: " + failure.getMessage());
      assertTrue(failure.getMessage().contains("race.yaml:"), failure::getMessage);
      assertFalse(failure.result().notDone().isEmpty());
    }
    try (Connection connection = TestKeycloak.get().connect();
        Admin admin = Admin.of(TestKeycloak.get())) {
      Reconciler reconciler = new Reconciler(connection);
      if (!refused.isEmpty()) {
        reconciler.apply(reconciler.plan(List.of(spec)), change -> {});
      }
      assertTrue(reconciler.plan(List.of(spec)).plan().isEmpty(), "converged");
      var live = admin.realm(realm);
      assertEquals(USERS, live.users().count(), "every user once");
      assertEquals(1, live.clients().findByClientId("shop").size());
      assertEquals(
          1, live.clientScopes().findAll().stream().filter(s -> s.getName().equals("api")).count());
      assertEquals(
          USERS + 1, live.roles().get("member").getUserMembers(0, 1000).size(), "each member once");
    }
  }

  /** Plans, waits for the other pipeline to have planned too, applies; a refusal is returned. */
  private static CompletableFuture<Optional<Applier.Failure>> applyAfterPlanning(
      RealmSpec spec, CyclicBarrier bothPlanned) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (Connection connection = TestKeycloak.get().connect()) {
            Reconciler reconciler = new Reconciler(connection);
            var planned = reconciler.plan(List.of(spec));
            bothPlanned.await();
            reconciler.apply(planned, change -> {});
            return Optional.empty();
          } catch (Applier.Failure refused) {
            return Optional.of(refused);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private static String spec(String realm) {
    StringBuilder yaml =
        new StringBuilder(
            """
            realm: %s
            roles:
              realm: [{name: member}]
            groups: [{name: staff}]
            clientScopes:
              - name: api
                protocol: openid-connect
                protocolMappers:
                  - name: api-audience
                    protocol: openid-connect
                    protocolMapper: oidc-audience-mapper
                    config: {included.custom.audience: api, access.token.claim: "true"}
            clients:
              - clientId: shop
                serviceAccountsEnabled: true
                secret: race-test-secret
                defaultClientScopes: [basic, api]
            users:
              - {serviceAccountClientId: shop, realmRoles: [member]}
            """
                .formatted(realm));
    for (int i = 0; i < USERS; i++) {
      yaml.append("  - {username: user-")
          .append(i)
          .append(", email: user-")
          .append(i)
          .append(
              "@example.com, firstName: U, lastName: N, realmRoles: [member], groups: [staff]}\n");
    }
    return yaml.toString();
  }
}
