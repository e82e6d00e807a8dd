package dev.realmctl.keycloak;

import dev.realmctl.plan.Change;
import dev.realmctl.plan.ResourceId;

/** realmctl's ownership record lives in a realm attribute: written as a realm update. */
final class OwnershipWriter implements ChangeWriter<ResourceId.Ownership> {
  @Override
  public Class<ResourceId.Ownership> idType() {
    return ResourceId.Ownership.class;
  }

  @Override
  public void create(ResourceId.Ownership id, Change change, Target target) {
    RealmWriter.update(id.realm(), change.after(), target);
  }

  @Override
  public void update(ResourceId.Ownership id, Change change, Target target) {
    RealmWriter.update(id.realm(), change.after(), target);
  }

  @Override
  public void delete(ResourceId.Ownership id, Change change, Target target) {
    throw new UnsupportedOperationException("realmctl keeps its ownership record");
  }
}
