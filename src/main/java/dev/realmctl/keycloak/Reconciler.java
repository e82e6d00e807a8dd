package dev.realmctl.keycloak;

import dev.realmctl.plan.Plan;
import dev.realmctl.plan.Planner;
import dev.realmctl.spec.RealmSpec;
import java.time.Duration;
import java.util.List;

/** Reads Keycloak, plans, and applies exactly the plan it showed. */
public final class Reconciler {
  private final Connection connection;
  private final Duration breakAfter;

  public Reconciler(Connection connection) {
    this(connection, Applier.DEFAULT_BREAK_AFTER);
  }

  /** {@code breakAfter}: how long removals wait for what replaces them to be live. */
  public Reconciler(Connection connection, Duration breakAfter) {
    this.connection = connection;
    this.breakAfter = breakAfter;
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

  public Applier.Result apply(Planned planned, Applier.Listener listener) {
    return new Applier(connection, planned.snapshot(), Applier.DEFAULT_PARALLELISM, breakAfter)
        .apply(planned.plan(), listener);
  }
}
