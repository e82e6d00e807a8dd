package dev.realmctl.keycloak;

import dev.realmctl.plan.Change;
import dev.realmctl.plan.Kind;
import dev.realmctl.plan.Ownership;
import dev.realmctl.plan.OwnershipPlanner;
import java.util.Map;

/**
 * realmctl's record of what it owns in a realm. It is read with the realm's own fields, before any
 * kind, since every kind's read asks it what realmctl owns; it is written as a realm update, merged
 * into the record as it is at the moment of the write.
 */
final class OwnershipEdge implements KindEdge {
  /**
   * Keycloak has no conditional realm write, so two applies merging at the same moment can still
   * overwrite each other; each reads the record back after writing and merges again if its own
   * entries are not there.
   */
  private static final int MERGES = 5;

  @Override
  public Map<Kind, ChangeWriter<?>> writers() {
    return Map.of(Kind.OWNERSHIP, new OwnershipWriter());
  }

  /** Writes the record: this apply's additions and removals merged into the one just read. */
  static void write(OwnershipPlanner.Id id, Change change, Target target) {
    for (int attempt = 0; attempt < MERGES; attempt++) {
      RealmEdge.update(
          id.realm(),
          target,
          fresh ->
              Map.of(
                  "attributes",
                  Map.of(Ownership.ATTRIBUTE, OwnershipPlanner.merged(change, fresh))));
      Map<String, Object> written = Json.toMap(target.realm(id.realm()).toRepresentation());
      if (OwnershipPlanner.isMergedIn(change, written)) {
        return;
      }
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
