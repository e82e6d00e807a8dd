package dev.realmctl.keycloak;

import dev.realmctl.plan.Change;
import org.keycloak.representations.idm.RealmRepresentation;

final class RealmWriter implements ChangeWriter {

  @Override
  public void create(Change change, Target target) {
    target
        .keycloak()
        .realms()
        .create(Json.toRepresentation(change.after(), RealmRepresentation.class));
  }

  @Override
  public void update(Change change, Target target) {
    var realm = target.realm(change.id().realm());
    realm.update(Json.overlay(realm.toRepresentation(), change.after(), RealmRepresentation.class));
  }

  @Override
  public void delete(Change change, Target target) {
    throw new UnsupportedOperationException("realmctl never deletes a realm");
  }
}
