package dev.realmctl.keycloak;

import dev.realmctl.plan.Change;
import dev.realmctl.plan.ResourceId;
import org.keycloak.admin.client.resource.RolesResource;
import org.keycloak.representations.idm.RoleRepresentation;

final class RoleWriter implements ChangeWriter<ResourceId.Role> {
  @Override
  public Class<ResourceId.Role> idType() {
    return ResourceId.Role.class;
  }

  @Override
  public void create(ResourceId.Role id, Change change, Target target) {
    roles(id, target).create(Json.toRepresentation(change.after(), RoleRepresentation.class));
  }

  @Override
  public boolean exists(ResourceId.Role id, Change change, Target target) {
    return ChangeWriter.found(() -> roles(id, target).get(id.name()).toRepresentation());
  }

  @Override
  public void update(ResourceId.Role id, Change change, Target target) {
    var role = roles(id, target).get(id.name());
    role.update(Json.overlay(role.toRepresentation(), change.after(), RoleRepresentation.class));
  }

  @Override
  public void delete(ResourceId.Role id, Change change, Target target) {
    roles(id, target).deleteRole(id.name());
  }

  private static RolesResource roles(ResourceId.Role id, Target target) {
    return id.clientId()
        .map(clientId -> target.client(id.realm(), clientId).roles())
        .orElseGet(() -> target.realm(id.realm()).roles());
  }
}
