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

  /** Nothing at all to write, not even realmctl's own bookkeeping. */
  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /** The changes to the realm's resources and settings: what a reviewer reviews. */
  public List<Change> resourceChanges() {
    return changes.stream().filter(c -> !isBookkeeping(c)).toList();
  }

  /**
   * realmctl's own bookkeeping: its ownership record, rewritten when what the spec declares
   * changes. Shown and counted apart, as it changes nothing a realm's users see.
   */
  public List<Change> bookkeeping() {
    return changes.stream().filter(Plan::isBookkeeping).toList();
  }

  /** How many resource changes do {@code action}; bookkeeping is not counted. */
  public long count(Action action) {
    return resourceChanges().stream().filter(c -> c.action() == action).count();
  }

  private static boolean isBookkeeping(Change change) {
    return change.id().kind() == Kind.OWNERSHIP;
  }
}
