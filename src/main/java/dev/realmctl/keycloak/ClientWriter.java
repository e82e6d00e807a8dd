package dev.realmctl.keycloak;

import dev.realmctl.plan.Change;
import dev.realmctl.plan.ResourceId;
import org.keycloak.representations.idm.ClientRepresentation;

final class ClientWriter implements ChangeWriter {

  @Override
  public void create(Change change, Target target) {
    var id = (ResourceId.Client) change.id();
    var clients = target.realm(id.realm()).clients();
    String created =
        Target.createdId(
            clients.create(Json.toRepresentation(change.after(), ClientRepresentation.class)));
    target.ids(id.realm()).clients.put(id.clientId(), created);
  }

  @Override
  public boolean exists(Change change, Target target) {
    var id = (ResourceId.Client) change.id();
    return ChangeWriter.found(() -> target.clientUuid(id.realm(), id.clientId()));
  }

  @Override
  public void update(Change change, Target target) {
    var id = (ResourceId.Client) change.id();
    var client = target.client(id.realm(), id.clientId());
    client.update(
        Json.overlay(client.toRepresentation(), change.after(), ClientRepresentation.class));
  }

  @Override
  public void delete(Change change, Target target) {
    var id = (ResourceId.Client) change.id();
    target.client(id.realm(), id.clientId()).remove();
  }
}
