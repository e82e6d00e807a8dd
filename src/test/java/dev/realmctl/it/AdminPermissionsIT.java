package dev.realmctl.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.keycloak.Connection;
import dev.realmctl.keycloak.Reconciler;
import dev.realmctl.plan.Plan;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.support.Cli;
import dev.realmctl.support.Specs;
import dev.realmctl.support.TestKeycloak;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A realm with fine-grained admin permissions v2 on: Keycloak makes the client {@code
 * admin-permissions}, whose settings endpoint answers HTTP 400. Its export lists that client with
 * its {@code authorizationSettings}; plan and export read them from the realm's partial export
 * instead, and its policies are planned as admin permissions ({@code AdminPermissionIT}).
 */
class AdminPermissionsIT {
  @TempDir Path folder;

  @Test
  void aRealmWithAdminPermissionsPlansAndExports() throws Exception {
    String realm = Specs.uniqueName("fgap");
    Path file =
        Files.writeString(
            folder.resolve("fgap.yaml"),
            """
            realm: %s
            enabled: true
            adminPermissionsEnabled: true
            clients:
              - clientId: admin-permissions
                authorizationServicesEnabled: true
                authorizationSettings:
                  policies:
                    - {name: nobody, type: user, config: {users: '[]'}}
            """
                .formatted(realm));
    RealmSpec spec = Specs.load(file).get(0);
    try (Connection connection = TestKeycloak.get().connect()) {
      Reconciler reconciler = new Reconciler(connection);
      reconciler.apply(reconciler.plan(List.of(spec)), c -> {});
      Plan again = reconciler.plan(List.of(spec)).plan();
      assertTrue(again.isEmpty(), () -> "plans changes: " + again.changes());
    }
    Cli.Run plan = Cli.run("plan", "--detailed-exitcode", file.toString());
    assertEquals(0, plan.exitCode(), plan.out() + plan.err());
    assertFalse((plan.out() + plan.err()).contains("does not manage"), plan.err());
    Cli.Run export = Cli.run("export", realm, "--output", folder.resolve("out.yaml").toString());
    assertEquals(0, export.exitCode(), export.err());
  }
}
