package dev.realmctl.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.keycloak.Connection;
import dev.realmctl.keycloak.Reconciler;
import dev.realmctl.plan.Action;
import dev.realmctl.plan.Change;
import dev.realmctl.plan.Plan;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.support.Admin;
import dev.realmctl.support.Specs;
import dev.realmctl.support.TestKeycloak;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Changes made in the console behind realmctl's back show in the plan, and apply undoes them. */
class DriftIT {
  private Connection connection;
  private Admin admin;

  @BeforeEach
  void connect() {
    connection = TestKeycloak.get().connect();
    admin = Admin.of(TestKeycloak.get());
  }

  @AfterEach
  void close() {
    connection.close();
    admin.close();
  }

  @Test
  void consoleChangesArePlannedAndUndone() {
    RealmSpec spec = Specs.isolated("coolproject.yaml");
    Reconciler reconciler = new Reconciler(connection);
    reconciler.apply(reconciler.plan(List.of(spec)), c -> {});

    admin.clientFullScopeAllowed(spec.realm(), "client-app", true);
    admin.detachDefaultScope(spec.realm(), "client-app", "api-audience");
    admin.attachDefaultScope(spec.realm(), "client-app", "profile");
    admin.setMapperConfig(
        spec.realm(), "api-audience", "apiserver-audience", "included.custom.audience", "evil");
    admin.rotateSecret(spec.realm(), "client-app");

    var drifted = reconciler.plan(List.of(spec));
    Set<String> changed =
        drifted.plan().changes().stream()
            .map(c -> c.action() + " " + c.id().path())
            .collect(Collectors.toSet());
    assertEquals(
        Set.of(
            "UPDATE clients/client-app",
            "CREATE clients/client-app/defaultClientScopes/api-audience",
            "DELETE clients/client-app/defaultClientScopes/profile",
            "UPDATE clientScopes/api-audience/protocolMappers/apiserver-audience"),
        changed);
    Change client =
        drifted.plan().changes().stream()
            .filter(c -> c.id().path().equals("clients/client-app"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        Set.of("fullScopeAllowed", "secret"),
        client.fields().stream().map(f -> f.name()).collect(Collectors.toSet()));

    reconciler.apply(drifted, c -> {});
    Plan after = reconciler.plan(List.of(spec)).plan();
    assertTrue(after.isEmpty(), () -> "still drifting: " + after.changes());
    assertEquals(0, after.count(Action.CREATE));
  }
}
