package dev.realmctl.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.keycloak.Connection;
import dev.realmctl.keycloak.Reconciler;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.support.Admin;
import dev.realmctl.support.Specs;
import dev.realmctl.support.TestKeycloak;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --prune deletes what realmctl owns and the spec dropped; what a person made survives. */
class PruneIT {
  @TempDir Path folder;

  @Test
  void pruneDeletesOnlyOwnedResources() throws IOException {
    String realm = Specs.uniqueName("prune");
    RealmSpec both =
        spec(
            realm,
            "clients: [{clientId: keep}, {clientId: drop}]\n"
                + "roles: {realm: [{name: gone}], client: {keep: [{name: stays}, {name: goes}]}}\n");
    RealmSpec one =
        spec(realm, "clients: [{clientId: keep}]\nroles: {client: {keep: [{name: stays}]}}\n");
    try (Connection connection = TestKeycloak.get().connect();
        Admin admin = Admin.of(TestKeycloak.get())) {
      Reconciler reconciler = new Reconciler(connection);
      reconciler.apply(reconciler.plan(List.of(both)), c -> {});
      admin.createClient(realm, "made-by-hand");

      assertTrue(
          reconciler.plan(List.of(one)).plan().isEmpty(), "without --prune nothing is deleted");

      var pruning = reconciler.plan(List.of(one), true);
      assertEquals(
          List.of(
              "DELETE roles/realm/gone",
              "DELETE roles/client/keep/goes",
              "DELETE clients/drop",
              "UPDATE ownership"),
          pruning.plan().changes().stream().map(c -> c.action() + " " + c.id().path()).toList());
      reconciler.apply(pruning, c -> {});

      assertTrue(admin.realm(realm).clients().findByClientId("drop").isEmpty());
      assertEquals(
          1,
          admin.realm(realm).clients().findByClientId("made-by-hand").size(),
          "a console client survives");
      assertEquals(
          1, admin.realm(realm).clients().findByClientId("account").size(), "built-ins survive");
      assertTrue(reconciler.plan(List.of(one), true).plan().isEmpty());
    }
  }

  private RealmSpec spec(String realm, String body) throws IOException {
    Path file =
        Files.writeString(
            folder.resolve("prune-" + body.hashCode() + ".yaml"), "realm: " + realm + "\n" + body);
    return Specs.load(file).get(0);
  }
}
