package dev.realmctl.keycloak;

import dev.realmctl.plan.Change;
import dev.realmctl.plan.ResourceId;
import org.keycloak.representations.idm.GroupRepresentation;

final class GroupWriter implements ChangeWriter<ResourceId.Group> {
  @Override
  public Class<ResourceId.Group> idType() {
    return ResourceId.Group.class;
  }

  @Override
  public void create(ResourceId.Group id, Change change, Target target) {
    var groups = target.realm(id.realm()).groups();
    var representation = Json.toRepresentation(change.after(), GroupRepresentation.class);
    String created =
        Target.createdId(
            id.parent()
                .map(parent -> groups.group(target.groupId(id.realm(), parent)))
                .map(parent -> parent.subGroup(representation))
                .orElseGet(() -> groups.add(representation)));
    target.ids(id.realm()).groups.put(id.name(), created);
  }

  @Override
  public boolean exists(ResourceId.Group id, Change change, Target target) {
    return ChangeWriter.found(() -> target.groupId(id.realm(), id.name()));
  }

  @Override
  public void update(ResourceId.Group id, Change change, Target target) {
    var group = target.realm(id.realm()).groups().group(target.groupId(id.realm(), id.name()));
    group.update(Json.overlay(group.toRepresentation(), change.after(), GroupRepresentation.class));
  }

  @Override
  public void delete(ResourceId.Group id, Change change, Target target) {
    target.realm(id.realm()).groups().group(target.groupId(id.realm(), id.name())).remove();
  }
}
