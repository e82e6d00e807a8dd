package dev.realmctl.plan;

import dev.realmctl.spec.Problem;
import dev.realmctl.version.KeycloakVersion;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What apply will do, as a value: computed by pure code from the spec and a snapshot of Keycloak,
 * printed for review, and the only input apply executes. Its changes are in the order apply runs
 * them ({@link ApplyOrder}), so a review reads them in that order too.
 */
public record Plan(
    List<Change> changes,
    int unchanged,
    Optional<KeycloakVersion> keycloakVersion,
    List<Problem> warnings) {

  /** A plan that found nothing to warn about. */
  public Plan(List<Change> changes, int unchanged, Optional<KeycloakVersion> keycloakVersion) {
    this(changes, unchanged, keycloakVersion, List.of());
  }

  /** A plan whose server version is not known (tests, renderers). */
  public Plan(List<Change> changes, int unchanged) {
    this(changes, unchanged, Optional.empty());
  }

  public Plan {
    changes = ApplyOrder.of(changes);
  }

  /** The index of the first removal that waits for the additions before it to be live. */
  public OptionalInt breakPoint() {
    return ApplyOrder.breakPoint(changes);
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  public long count(Action action) {
    return changes.stream().filter(c -> c.action() == action).count();
  }
}
