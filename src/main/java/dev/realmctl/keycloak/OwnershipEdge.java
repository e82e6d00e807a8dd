package dev.realmctl.keycloak;

import dev.realmctl.plan.Change;
import dev.realmctl.plan.Kind;
import dev.realmctl.plan.Ownership;
import dev.realmctl.plan.OwnershipPlanner;
import java.time.Duration;
import java.util.Map;

/**
 * realmctl's record of what it owns in a realm. It is read with the realm's own fields, before any
 * kind, since every kind's read asks it what realmctl owns; it is written as a realm update, merged
 * into the record as it is at the moment of the write.
 */
final class OwnershipEdge implements KindEdge {
  /**
   * Keycloak has no conditional realm write, so another apply that read the record before this
   * write can write over it a moment later (OwnershipMergeIT lost one side's entries in its first
   * round with a check made right after the write). Each apply therefore reads the record back once
   * the time another read-and-write takes has passed, and merges again if its own entries are gone.
   */
  private static final int MERGES = 5;

  @Override
  public Map<Kind, ChangeWriter<?>> writers() {
    return Map.of(Kind.OWNERSHIP, new OwnershipWriter());
  }

  /** Writes the record: this apply's additions and removals merged into the one just read. */
  static void write(OwnershipPlanner.Id id, Change change, Target target) {
    for (int attempt = 0; attempt < MERGES; attempt++) {
      long started = System.nanoTime();
      RealmEdge.update(
          id.realm(),
          target,
          fresh ->
              Map.of(
                  "attributes",
                  Map.of(Ownership.ATTRIBUTE, OwnershipPlanner.merged(change, fresh))));
      settle(Duration.ofNanos(2 * (System.nanoTime() - started)).plusMillis(100));
      Map<String, Object> written = Json.toMap(target.realm(id.realm()).toRepresentation());
      if (OwnershipPlanner.isMergedIn(change, written)) {
        return;
      }
    }
    throw new IllegalStateException(
        "the ownership record kept changing under this apply; apply again to record it");
  }

  private static void settle(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while recording ownership", e);
    }
  }

  /** realmctl's ownership record lives in a realm attribute: written as a realm update. */
  private static final class OwnershipWriter implements ChangeWriter<OwnershipPlanner.Id> {
    @Override
    public Class<OwnershipPlanner.Id> idType() {
      return OwnershipPlanner.Id.class;
    }

    @Override
    public void create(OwnershipPlanner.Id id, Change change, Target target) {
      write(id, change, target);
    }

    @Override
    public void update(OwnershipPlanner.Id id, Change change, Target target) {
      write(id, change, target);
    }

    @Override
    public void delete(OwnershipPlanner.Id id, Change change, Target target) {
      throw new UnsupportedOperationException("realmctl keeps its ownership record");
    }
  }
}
