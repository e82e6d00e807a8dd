package dev.realmctl.keycloak;

import dev.realmctl.plan.Change;
import dev.realmctl.plan.ResourceId;
import dev.realmctl.spec.Sensitive;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

final class UserWriter implements ChangeWriter {

  @Override
  public void create(Change change, Target target) {
    var id = (ResourceId.User) change.id();
    Map<String, Object> fields = new LinkedHashMap<>(change.after());
    Object password = fields.remove("password");
    boolean temporary = Boolean.TRUE.equals(fields.remove("temporaryPassword"));
    UserRepresentation user = Json.toRepresentation(fields, UserRepresentation.class);
    if (password instanceof Sensitive secret) {
      CredentialRepresentation credential = new CredentialRepresentation();
      credential.setType(CredentialRepresentation.PASSWORD);
      credential.setValue(secret.reveal());
      credential.setTemporary(temporary);
      user.setCredentials(List.of(credential));
    }
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
