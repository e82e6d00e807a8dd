package dev.realmctl.keycloak;

import dev.realmctl.plan.Change;
import dev.realmctl.plan.ResourceId;
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
  public boolean exists(Change change, Target target) {
    var id = (ResourceId.Realm) change.id();
    return ChangeWriter.found(
        () -> target.keycloak().realms().realm(id.realm()).toRepresentation());
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
