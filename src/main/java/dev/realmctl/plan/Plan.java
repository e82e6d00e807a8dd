package dev.realmctl.plan;

import java.util.Comparator;
import java.util.List;

/**
 * What apply will do, as a value: computed by pure code from the spec and a snapshot of Keycloak,
 * printed for review, and the only input apply executes.
 */
public record Plan(List<Change> changes, int unchanged) {

  public Plan {
    changes =
        changes.stream()
            .sorted(
                Comparator.comparing((Change c) -> c.action() != Action.DELETE)
                    .thenComparing(Plan::order))
            .toList();
  }

  private static int order(Change change) {
    int rank = change.id().kind().ordinal();
    return change.action() == Action.DELETE ? -rank : rank;
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  public long count(Action action) {
    return changes.stream().filter(c -> c.action() == action).count();
  }
}
