package dev.realmctl.render;

import dev.realmctl.plan.Change;
import dev.realmctl.plan.OwnershipPlanner;
import java.util.List;

/**
 * realmctl's ownership record as a plan shows it: apart from the resource changes, as what realmctl
 * will own and stop owning, never as the record's text.
 */
final class Bookkeeping {
  static final String RECORD = "realmctl's ownership record";

  private Bookkeeping() {}

  /** {@code realmctl's ownership record: +clients/app -groups/old}. */
  static String line(Change change) {
    List<String> difference = OwnershipPlanner.difference(change);
    return RECORD
        + ": "
        + (difference.isEmpty()
            ? "rewritten, what it owns unchanged"
            : Values.name(String.join(" ", difference)));
  }
}
