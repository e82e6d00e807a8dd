package dev.realmctl.keycloak;

import dev.realmctl.plan.Change;
import dev.realmctl.plan.ResourceId;
import org.keycloak.representations.idm.ClientRepresentation;

final class ClientWriter implements ChangeWriter<ResourceId.Client> {
  @Override
  public Class<ResourceId.Client> idType() {
    return ResourceId.Client.class;
  }

  @Override
  public void create(ResourceId.Client id, Change change, Target target) {
    var clients = target.realm(id.realm()).clients();
    ClientRepresentation client = Json.toRepresentation(change.after(), ClientRepresentation.class);
    // Never the authorization settings (a kind of its own, written after the client and what its
    // policies name): Keycloak imports them with the client, and a policy naming a user, group or
    // role not yet there fails the whole create with HTTP 500 ("Error while updating policy
    // [Only Alice]. User [alice] could not be found.", measured on 26.7.3).
    client.setAuthorizationSettings(null);
    String created = Target.createdId(clients.create(client));
    target.ids(id.realm()).clients.put(id.clientId(), created);
  }

  @Override
  public boolean exists(ResourceId.Client id, Change change, Target target) {
    return ChangeWriter.found(() -> target.clientUuid(id.realm(), id.clientId()));
  }

  @Override
  public void update(ResourceId.Client id, Change change, Target target) {
    var client = target.client(id.realm(), id.clientId());
    client.update(
        Json.overlay(client.toRepresentation(), change.after(), ClientRepresentation.class));
  }

  @Override
  public void delete(ResourceId.Client id, Change change, Target target) {
    target.client(id.realm(), id.clientId()).remove();
  }
}
