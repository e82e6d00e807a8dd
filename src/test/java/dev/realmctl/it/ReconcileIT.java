package dev.realmctl.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.keycloak.Connection;
import dev.realmctl.keycloak.Reconciler;
import dev.realmctl.plan.Action;
import dev.realmctl.plan.Plan;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.support.Specs;
import dev.realmctl.support.TestKeycloak;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each shipped realm applies, and applying it again changes nothing. */
class ReconcileIT {
  private Connection connection;

  @BeforeEach
  void connect() {
    connection = TestKeycloak.get().connect();
  }

  @AfterEach
  void close() {
    connection.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"coolproject.yaml", "testing.yaml", "partners.yaml"})
  void shippedRealmAppliesAndSecondApplyChangesNothing(String file) {
    RealmSpec spec = Specs.isolated(file);
    Reconciler reconciler = new Reconciler(connection);

    var first = reconciler.plan(List.of(spec));
    assertFalse(first.plan().isEmpty());
    assertEquals(0, first.plan().count(Action.DELETE), "a first apply deletes nothing");
    reconciler.apply(first, change -> {});

    connection.requests().reset();
    Plan second = reconciler.plan(List.of(spec)).plan();
    assertTrue(second.isEmpty(), () -> "second plan should be empty but has " + second.changes());
    assertEquals(0, connection.requests().writes(), "planning writes nothing");
    assertTrue(second.unchanged() > 0);
  }
}
