package dev.realmctl.keycloak;

import dev.realmctl.plan.Change;
import dev.realmctl.plan.ResourceId;
import org.keycloak.representations.idm.UserRepresentation;

final class UserWriter implements ChangeWriter {

  @Override
  public void create(Change change, Target target) {
    var id = (ResourceId.User) change.id();
    UserRepresentation user = Json.toRepresentation(change.after(), UserRepresentation.class);
    String created = Target.createdId(target.realm(id.realm()).users().create(user));
    target.ids(id.realm()).users.put(id.username(), created);
  }

  @Override
  public boolean exists(Change change, Target target) {
    var id = (ResourceId.User) change.id();
    return ChangeWriter.found(() -> target.user(id.realm(), id.username(), id.serviceAccountOf()));
  }

  @Override
  public void update(Change change, Target target) {
    var id = (ResourceId.User) change.id();
    var user = target.user(id.realm(), id.username(), id.serviceAccountOf());
    user.update(Json.overlay(user.toRepresentation(), change.after(), UserRepresentation.class));
  }

  @Override
  public void delete(Change change, Target target) {
    var id = (ResourceId.User) change.id();
    target.user(id.realm(), id.username(), id.serviceAccountOf()).remove();
  }
}
