package dev.realmctl.plan;

import dev.realmctl.version.KeycloakVersion;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What apply will do, as a value: computed by pure code from the spec and a snapshot of Keycloak,
 * printed for review, and the only input apply executes.
 */
public record Plan(List<Change> changes, int unchanged, Optional<KeycloakVersion> keycloakVersion) {

  /** A plan whose server version is not known (tests, renderers). */
  public Plan(List<Change> changes, int unchanged) {
    this(changes, unchanged, Optional.empty());
  }

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
