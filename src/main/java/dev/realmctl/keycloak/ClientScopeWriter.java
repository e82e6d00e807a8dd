package dev.realmctl.keycloak;

import dev.realmctl.plan.Builtins;
import dev.realmctl.plan.Change;
import dev.realmctl.plan.ResourceId;
import jakarta.ws.rs.WebApplicationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

final class ClientScopeWriter implements ChangeWriter<ResourceId.ClientScope> {
  @Override
  public Class<ResourceId.ClientScope> idType() {
    return ResourceId.ClientScope.class;
  }

  @Override
  public void create(ResourceId.ClientScope id, Change change, Target target) {
    var scopes = target.realm(id.realm()).clientScopes();
    var representation = Json.toRepresentation(change.after(), ClientScopeRepresentation.class);
    String created;
    try {
      created = Target.createdId(scopes.create(representation));
    } catch (WebApplicationException e) {
      if (e.getResponse() == null
          || e.getResponse().getStatus() != 409
          || !Builtins.clientScope(id.name())) {
        throw e;
      }
      adopt(id, representation, target);
      return;
    }
    target.ids(id.realm()).scopes.put(id.name(), created);
  }

  /**
   * A built-in scope planned for a realm the same apply creates: Keycloak made it with the realm,
   * so the create is answered 409. The declared fields and mappers are then written over Keycloak's
   * (an export of a realm Keycloak migrated differs from a new realm's: {@code acr loa level}'s
   * {@code userinfo.token.claim}), where before they were dropped until the next apply.
   */
  private static void adopt(
      ResourceId.ClientScope id, ClientScopeRepresentation declared, Target target) {
    var scope = target.realm(id.realm()).clientScopes().get(target.scopeId(id.realm(), id.name()));
    ClientScopeRepresentation live = scope.toRepresentation();
    List<ProtocolMapperRepresentation> mappers = declared.getProtocolMappers();
    declared.setProtocolMappers(null);
    declared.setId(live.getId());
    scope.update(declared);
    if (mappers == null) {
      return;
    }
    var models = scope.getProtocolMappers();
    Map<String, ProtocolMapperRepresentation> existing = new HashMap<>();
    models.getMappers().forEach(m -> existing.put(m.getName(), m));
    for (ProtocolMapperRepresentation mapper : mappers) {
      ProtocolMapperRepresentation have = existing.get(mapper.getName());
      if (have == null) {
        Target.createdId(models.createMapper(mapper));
      } else {
        Map<String, String> config = new HashMap<>(have.getConfig());
        config.putAll(mapper.getConfig() == null ? Map.of() : mapper.getConfig());
        mapper.setConfig(config);
        mapper.setId(have.getId());
        models.update(have.getId(), mapper);
      }
    }
  }

  @Override
  public boolean exists(ResourceId.ClientScope id, Change change, Target target) {
    return ChangeWriter.found(() -> target.scopeId(id.realm(), id.name()));
  }

  @Override
  public void update(ResourceId.ClientScope id, Change change, Target target) {
    var scope = target.realm(id.realm()).clientScopes().get(target.scopeId(id.realm(), id.name()));
    scope.update(
        Json.overlay(scope.toRepresentation(), change.after(), ClientScopeRepresentation.class));
  }

  @Override
  public void delete(ResourceId.ClientScope id, Change change, Target target) {
    target.realm(id.realm()).clientScopes().get(target.scopeId(id.realm(), id.name())).remove();
  }
}
