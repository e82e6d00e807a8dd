package dev.realmctl.plan;

import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The order apply runs a plan in: make before break. What the old and the new spec both grant must
 * never be missing, not even between two writes, so everything is added or updated before anything
 * is removed: a client gets its new audience scope before it loses the old one, a user joins the
 * new group before leaving the old one. Creates run dependencies first; deletes run dependents
 * first.
 *
 * <p>One exception: a delete that frees the place a create of the same plan needs (a scope moved
 * from a client's default list to its optional list; Keycloak ignores a link to a scope the client
 * already has) runs just before the creates, as the only way the create can take effect.
 */
final class ApplyOrder {
  private ApplyOrder() {}

  private enum Phase {
    MAKE_ROOM,
    MAKE,
    BREAK,
    RECORD
  }

  static List<Change> of(List<Change> changes) {
    Set<Object> placesToFree = placesToFree(changes);
    Comparator<Change> order =
        Comparator.comparing((Change c) -> phase(c, placesToFree))
            .thenComparingInt(ApplyOrder::depthInPhase)
            .thenComparing(c -> c.id().kind())
            .thenComparingInt(ApplyOrder::levelInKind)
            .thenComparing(Change::action);
    return changes.stream().sorted(order).toList();
  }

  /**
   * Where removals begin in an ordered plan that adds or updates first: apply pauses there, so that
   * requests already in flight (a login reads the user at its start and the groups' roles at its
   * end) and other nodes' caches see the additions before anything is taken away.
   */
  static OptionalInt breakPoint(List<Change> ordered) {
    Set<Object> placesToFree = placesToFree(ordered);
    boolean made = false;
    for (int i = 0; i < ordered.size(); i++) {
      Phase phase = phase(ordered.get(i), placesToFree);
      if (phase == Phase.BREAK && made) {
        return OptionalInt.of(i);
      }
      made |= phase == Phase.MAKE;
    }
    return OptionalInt.empty();
  }

  private static Set<Object> placesToFree(List<Change> changes) {
    return changes.stream()
        .filter(c -> c.action() == Action.CREATE)
        .map(c -> c.id().place())
        .collect(Collectors.toSet());
  }

  private static Phase phase(Change change, Set<Object> placesToFree) {
    if (change.id().kind().recordsApply()) {
      return Phase.RECORD;
    }
    if (change.action() != Action.DELETE) {
      return Phase.MAKE;
    }
    return placesToFree.contains(change.id().place()) ? Phase.MAKE_ROOM : Phase.BREAK;
  }

  /** A parent is made before what it holds of its own kind, and removed after it. */
  private static int levelInKind(Change change) {
    int level = change.id().level();
    return change.action() == Action.DELETE ? -level : level;
  }

  private static int depthInPhase(Change change) {
    int depth = change.id().kind().depth();
    return change.action() == Action.DELETE ? -depth : depth;
  }
}
