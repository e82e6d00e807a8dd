package dev.realmctl.keycloak;

import dev.realmctl.plan.Change;
import dev.realmctl.plan.ResourceId;
import org.keycloak.representations.idm.UserRepresentation;

final class UserWriter implements ChangeWriter<ResourceId.User> {
  @Override
  public Class<ResourceId.User> idType() {
    return ResourceId.User.class;
  }

  @Override
  public void create(ResourceId.User id, Change change, Target target) {
    UserRepresentation user = Json.toRepresentation(change.after(), UserRepresentation.class);
    String created = Target.createdId(target.realm(id.realm()).users().create(user));
    target.ids(id.realm()).users.put(id.username(), created);
    if (user.getRequiredActions() != null) {
      // Keycloak adds the realm's default required actions (defaultAction: true) to a new user
      // over the declared list: a declared list is the exact set, so it is written again.
      var resource = target.realm(id.realm()).users().get(created);
      UserRepresentation live = resource.toRepresentation();
      if (!new java.util.HashSet<>(live.getRequiredActions())
          .equals(new java.util.HashSet<>(user.getRequiredActions()))) {
        live.setRequiredActions(user.getRequiredActions());
        resource.update(live);
      }
    }
  }

  @Override
  public boolean exists(ResourceId.User id, Change change, Target target) {
    return ChangeWriter.found(() -> target.user(id.realm(), id.username(), id.serviceAccountOf()));
  }

  @Override
  public void update(ResourceId.User id, Change change, Target target) {
    var user = target.user(id.realm(), id.username(), id.serviceAccountOf());
    user.update(Json.overlay(user.toRepresentation(), change.after(), UserRepresentation.class));
  }

  @Override
  public void delete(ResourceId.User id, Change change, Target target) {
    target.user(id.realm(), id.username(), id.serviceAccountOf()).remove();
  }
}
