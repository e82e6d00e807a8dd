package dev.realmctl.keycloak;

import dev.realmctl.plan.Change;
import dev.realmctl.plan.ResourceId;
import org.keycloak.representations.idm.ClientScopeRepresentation;

final class ClientScopeWriter implements ChangeWriter {

  @Override
  public void create(Change change, Target target) {
    var id = (ResourceId.ClientScope) change.id();
    var scopes = target.realm(id.realm()).clientScopes();
    String created =
        Target.createdId(
            scopes.create(Json.toRepresentation(change.after(), ClientScopeRepresentation.class)));
    target.ids(id.realm()).scopes.put(id.name(), created);
  }

  @Override
  public boolean exists(Change change, Target target) {
    var id = (ResourceId.ClientScope) change.id();
    return ChangeWriter.found(() -> target.scopeId(id.realm(), id.name()));
  }

  @Override
  public void update(Change change, Target target) {
    var id = (ResourceId.ClientScope) change.id();
    var scope = target.realm(id.realm()).clientScopes().get(target.scopeId(id.realm(), id.name()));
    scope.update(
        Json.overlay(scope.toRepresentation(), change.after(), ClientScopeRepresentation.class));
  }

  @Override
  public void delete(Change change, Target target) {
    var id = (ResourceId.ClientScope) change.id();
    target.realm(id.realm()).clientScopes().get(target.scopeId(id.realm(), id.name())).remove();
  }
}
