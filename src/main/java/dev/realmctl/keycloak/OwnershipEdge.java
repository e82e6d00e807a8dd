package dev.realmctl.keycloak;

import dev.realmctl.plan.Change;
import dev.realmctl.plan.Kind;
import dev.realmctl.plan.OwnershipPlanner;
import java.util.Map;

/**
 * realmctl's record of what it owns in a realm. It is read with the realm's own fields, before any
 * kind, since every kind's read asks it what realmctl owns; it is written as a realm update.
 */
final class OwnershipEdge implements KindEdge {

  @Override
  public Map<Kind, ChangeWriter<?>> writers() {
    return Map.of(Kind.OWNERSHIP, new OwnershipWriter());
  }

  /** realmctl's ownership record lives in a realm attribute: written as a realm update. */
  private static final class OwnershipWriter implements ChangeWriter<OwnershipPlanner.Id> {
    @Override
    public Class<OwnershipPlanner.Id> idType() {
      return OwnershipPlanner.Id.class;
    }

    @Override
    public void create(OwnershipPlanner.Id id, Change change, Target target) {
      RealmEdge.update(id.realm(), change.after(), target);
    }

    @Override
    public void update(OwnershipPlanner.Id id, Change change, Target target) {
      RealmEdge.update(id.realm(), change.after(), target);
    }

    @Override
    public void delete(OwnershipPlanner.Id id, Change change, Target target) {
      throw new UnsupportedOperationException("realmctl keeps its ownership record");
    }
  }
}
