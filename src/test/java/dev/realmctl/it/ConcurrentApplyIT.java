package dev.realmctl.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two pipelines apply the same spec to the same realm at the same moment, both having planned from
 * the same empty state: both succeed, and the realm ends in the spec's state with nothing twice.
 */
class ConcurrentApplyIT {
  private static final int USERS = 30;

  @TempDir Path folder;

  @Test
  void twoAppliesAtOnceBothEndInTheSpecsState() throws Exception {
    String realm = Specs.uniqueName("race");
    RealmSpec spec = Specs.load(Files.writeString(folder.resolve("race.yaml"), spec(realm))).get(0);
    CyclicBarrier bothPlanned = new CyclicBarrier(2);

    CompletableFuture<Applier.Result> first = applyAfterPlanning(spec, bothPlanned);
    CompletableFuture<Applier.Result> second = applyAfterPlanning(spec, bothPlanned);
    CompletableFuture.allOf(first, second).join();

    try (Connection connection = TestKeycloak.get().connect();
        Admin admin = Admin.of(TestKeycloak.get())) {
      assertTrue(new Reconciler(connection).plan(List.of(spec)).plan().isEmpty(), "converged");
      var live = admin.realm(realm);
      assertEquals(USERS, live.users().count(), "every user once");
      assertEquals(1, live.clients().findByClientId("shop").size());
      assertEquals(
          1, live.clientScopes().findAll().stream().filter(s -> s.getName().equals("api")).count());
      assertEquals(
          USERS + 1, live.roles().get("member").getUserMembers(0, 1000).size(), "each member once");
    }
  }

  private static CompletableFuture<Applier.Result> applyAfterPlanning(
      RealmSpec spec, CyclicBarrier bothPlanned) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (Connection connection = TestKeycloak.get().connect()) {
            Reconciler reconciler = new Reconciler(connection);
            var planned = reconciler.plan(List.of(spec));
            bothPlanned.await();
            return reconciler.apply(planned, change -> {});
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
