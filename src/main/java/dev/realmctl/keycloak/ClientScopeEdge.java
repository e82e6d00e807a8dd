package dev.realmctl.keycloak;

import dev.realmctl.plan.Builtins;
import dev.realmctl.plan.Change;
import dev.realmctl.plan.ClientScopePlanner;
import dev.realmctl.plan.Kind;
import dev.realmctl.plan.LiveRealm;
import jakarta.ws.rs.WebApplicationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

/** Client scopes with their protocol mappers: one request for all of them. */
final class ClientScopeEdge implements KindEdge {

  @Override
  public Map<Kind, ChangeWriter<?>> writers() {
    return Map.of(Kind.CLIENT_SCOPE, new ClientScopeWriter());
  }

  @Override
  public LiveRealm read(dev.realmctl.spec.RealmSpec spec, RealmRead read, LiveRealm live) {
    Map<String, ClientScopePlanner.Live> scopes = new HashMap<>();
    for (ClientScopeRepresentation scope : read.realm().clientScopes().findAll()) {
      read.ids().scopes.put(scope.getName(), scope.getId());
      scopes.put(
          scope.getName(),
          new ClientScopePlanner.Live(
              Json.toMap(scope),
              ProtocolMapperEdge.read(
                  scope.getProtocolMappers(), "clientScopes", scope.getName(), read.ids())));
    }
    return live.with(ClientScopePlanner.LIVE, scopes);
  }

  @Override
  public void export(String realm, LiveRealm live, Map<String, Object> spec, List<String> notes) {
    List<Map<String, Object>> scopes = new ArrayList<>();
    new TreeMap<>(live.part(ClientScopePlanner.LIVE))
        .forEach(
            (name, scope) -> {
              if (Builtins.clientScope(name)) {
                return;
              }
              Map<String, Object> out = new LinkedHashMap<>();
              out.put("name", name);
              ExportFields.putIfPresent(out, "description", scope.fields().get("description"));
              ExportFields.putIfPresent(out, "protocol", scope.fields().get("protocol"));
              ExportFields.putIfNotEmpty(
                  out, "attributes", ExportFields.sortedMap(scope.fields().get("attributes")));
              out.put("protocolMappers", ProtocolMapperEdge.export(scope.protocolMappers()));
              scopes.add(out);
            });
    ExportFields.putIfNotEmpty(spec, "clientScopes", scopes);
  }

  private static final class ClientScopeWriter implements ChangeWriter<ClientScopePlanner.Id> {
    @Override
    public Class<ClientScopePlanner.Id> idType() {
      return ClientScopePlanner.Id.class;
    }

    @Override
    public void create(ClientScopePlanner.Id id, Change change, Target target) {
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
     * so the create is answered 409. The declared fields and mappers are then written over
     * Keycloak's (an export of a realm Keycloak migrated differs from a new realm's: {@code acr loa
     * level}'s {@code userinfo.token.claim}), where before they were dropped until the next apply.
     */
    private static void adopt(
        ClientScopePlanner.Id id, ClientScopeRepresentation declared, Target target) {
      var scope =
          target.realm(id.realm()).clientScopes().get(target.scopeId(id.realm(), id.name()));
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
    public boolean exists(ClientScopePlanner.Id id, Change change, Target target) {
      return ChangeWriter.found(() -> target.scopeId(id.realm(), id.name()));
    }

    @Override
    public void update(ClientScopePlanner.Id id, Change change, Target target) {
      String scopeId = target.scopeId(id.realm(), id.name());
      var scope = target.realm(id.realm()).clientScopes().get(scopeId);
      ClientScopeRepresentation fresh = scope.toRepresentation();
      PlannedFields.check(
          change,
          Json.toMap(fresh),
          target,
          AdminEvents.Resource.at("client-scopes/" + scopeId, "CLIENT_SCOPE"));
      scope.update(Json.overlay(fresh, change.after(), ClientScopeRepresentation.class));
    }

    @Override
    public void delete(ClientScopePlanner.Id id, Change change, Target target) {
      target.realm(id.realm()).clientScopes().get(target.scopeId(id.realm(), id.name())).remove();
    }
  }
}
