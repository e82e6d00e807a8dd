package dev.realmctl.keycloak;

import dev.realmctl.plan.Change;
import dev.realmctl.plan.Plan;
import dev.realmctl.plan.Planner;
import dev.realmctl.spec.RealmSpec;
import java.util.List;
import java.util.function.Consumer;

/** Reads Keycloak, plans, and applies exactly the plan it showed. */
public final class Reconciler {
  private final Connection connection;

  public Reconciler(Connection connection) {
    this.connection = connection;
  }

  /** A plan with the snapshot it was computed from. */
  public record Planned(Plan plan, Snapshot snapshot) {}

  public Planned plan(List<RealmSpec> specs) {
    return plan(specs, false);
  }

  /** With {@code prune}, also deletes what realmctl owns and the spec no longer declares. */
  public Planned plan(List<RealmSpec> specs, boolean prune) {
    Snapshot snapshot = new LiveReader(connection).read(specs);
    return new Planned(new Planner().plan(specs, snapshot.state(), prune), snapshot);
  }

  public Applier.Result apply(Planned planned, Consumer<Change> onDone) {
    return new Applier(connection, planned.snapshot()).apply(planned.plan(), onDone);
  }
}
