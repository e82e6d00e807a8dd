package dev.realmctl.keycloak;

import dev.realmctl.plan.Change;
import dev.realmctl.plan.ResourceId;
import java.util.Map;
import org.keycloak.representations.idm.RealmRepresentation;

final class RealmWriter implements ChangeWriter<ResourceId.Realm> {
  @Override
  public Class<ResourceId.Realm> idType() {
    return ResourceId.Realm.class;
  }

  @Override
  public void create(ResourceId.Realm id, Change change, Target target) {
    target
        .keycloak()
        .realms()
        .create(Json.toRepresentation(change.after(), RealmRepresentation.class));
  }

  @Override
  public boolean exists(ResourceId.Realm id, Change change, Target target) {
    return ChangeWriter.found(
        () -> target.keycloak().realms().realm(id.realm()).toRepresentation());
  }

  @Override
  public void update(ResourceId.Realm id, Change change, Target target) {
    update(id.realm(), change.after(), target);
  }

  /** Overlays fields on the realm's representation: realm settings and the ownership record. */
  static void update(String name, Map<String, Object> fields, Target target) {
    var realm = target.realm(name);
    realm.update(Json.overlay(realm.toRepresentation(), fields, RealmRepresentation.class));
  }

  @Override
  public void delete(ResourceId.Realm id, Change change, Target target) {
    throw new UnsupportedOperationException("realmctl never deletes a realm");
  }
}
