package dev.realmctl.bench;

import dev.realmctl.keycloak.Connection;
import dev.realmctl.keycloak.Reconciler;
import dev.realmctl.plan.Plan;
import dev.realmctl.spec.RealmSpec;
import java.util.List;

/** One measured step of a benchmark: a plan, and its apply when asked, as one report line. */
final class BenchStep {
  private BenchStep() {}

  static String header() {
    return String.format(
        "%-26s %10s %10s %8s %8s%n", "step", "wall ms", "requests", "writes", "changes");
  }

  static String run(String name, Connection connection, List<RealmSpec> specs, boolean apply) {
    connection.requests().reset();
    long started = System.nanoTime();
    Reconciler reconciler = new Reconciler(connection);
    var planned = reconciler.plan(specs);
    Plan plan = planned.plan();
    if (apply && !plan.isEmpty()) {
      reconciler.apply(planned, change -> {});
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    return String.format(
        "%-26s %10d %10d %8d %8d%n",
        name,
        millis,
        connection.requests().total(),
        connection.requests().writes(),
        plan.changes().size());
  }
}
