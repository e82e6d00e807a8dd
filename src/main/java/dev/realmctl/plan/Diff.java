package dev.realmctl.plan;

import dev.realmctl.spec.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What comparing the desired state with the live one found: the changes, and how many resources
 * were already right. A planner's pure diff steps return one; {@link PlanBuilder#add(Diff)} takes
 * it into the plan.
 */
record Diff(List<Change> changes, int unchanged) {
  static final Diff NONE = new Diff(List.of(), 0);

  Diff {
    changes = List.copyOf(changes);
  }

  static Diff change(Change change) {
    return new Diff(List.of(change), 0);
  }

  /** One resource already as declared. */
  static Diff noChange() {
    return new Diff(List.of(), 1);
  }

  /** The change when there is one, else one resource already right. */
  static Diff of(Optional<Change> change) {
    return change.map(Diff::change).orElseGet(Diff::noChange);
  }

  /** An update when fields differ, else one resource already right. */
  static Diff update(ResourceId id, List<FieldChange> fields, Origin origin) {
    return fields.isEmpty() ? noChange() : change(Change.update(id, fields).at(origin));
  }

  Diff plus(Diff other) {
    List<Change> all = new ArrayList<>(changes);
    all.addAll(other.changes);
    return new Diff(all, unchanged + other.unchanged);
  }

  static Diff all(List<Diff> diffs) {
    return diffs.stream().reduce(NONE, Diff::plus);
  }
}
