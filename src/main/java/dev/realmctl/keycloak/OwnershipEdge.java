package dev.realmctl.keycloak;

import dev.realmctl.plan.Change;
import dev.realmctl.plan.Kind;
import dev.realmctl.plan.ResourceId;
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
  private static final class OwnershipWriter implements ChangeWriter<ResourceId.Ownership> {
    @Override
    public Class<ResourceId.Ownership> idType() {
      return ResourceId.Ownership.class;
    }

    @Override
    public void create(ResourceId.Ownership id, Change change, Target target) {
      RealmEdge.update(id.realm(), change.after(), target);
    }

    @Override
    public void update(ResourceId.Ownership id, Change change, Target target) {
      RealmEdge.update(id.realm(), change.after(), target);
    }

    @Override
    public void delete(ResourceId.Ownership id, Change change, Target target) {
      throw new UnsupportedOperationException("realmctl keeps its ownership record");
    }
  }
}
