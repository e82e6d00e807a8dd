package dev.realmctl.keycloak;

import dev.realmctl.plan.Change;

/** realmctl's ownership record lives in a realm attribute: written as a realm update. */
final class OwnershipWriter implements ChangeWriter {
  private final RealmWriter realm = new RealmWriter();

  @Override
  public void create(Change change, Target target) {
    realm.update(change, target);
  }

  @Override
  public void update(Change change, Target target) {
    realm.update(change, target);
  }

  @Override
  public void delete(Change change, Target target) {
    throw new UnsupportedOperationException("realmctl keeps its ownership record");
  }
}
