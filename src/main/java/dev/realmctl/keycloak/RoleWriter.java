package dev.realmctl.keycloak;

import dev.realmctl.plan.Change;
import dev.realmctl.plan.ResourceId;
import org.keycloak.admin.client.resource.RolesResource;
import org.keycloak.representations.idm.RoleRepresentation;

final class RoleWriter implements ChangeWriter {

  @Override
  public void create(Change change, Target target) {
    roles(change, target).create(Json.toRepresentation(change.after(), RoleRepresentation.class));
  }

  @Override
  public boolean exists(Change change, Target target) {
    var id = (ResourceId.Role) change.id();
    return ChangeWriter.found(() -> roles(change, target).get(id.name()).toRepresentation());
  }

  @Override
  public void update(Change change, Target target) {
    var role = roles(change, target).get(((ResourceId.Role) change.id()).name());
    role.update(Json.overlay(role.toRepresentation(), change.after(), RoleRepresentation.class));
  }

  @Override
  public void delete(Change change, Target target) {
    roles(change, target).deleteRole(((ResourceId.Role) change.id()).name());
  }

  private static RolesResource roles(Change change, Target target) {
    var id = (ResourceId.Role) change.id();
    return id.clientId()
        .map(clientId -> target.client(id.realm(), clientId).roles())
        .orElseGet(() -> target.realm(id.realm()).roles());
  }
}
