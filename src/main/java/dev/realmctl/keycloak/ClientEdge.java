package dev.realmctl.keycloak;

import dev.realmctl.plan.Builtins;
import dev.realmctl.plan.Change;
import dev.realmctl.plan.ClientPlanner;
import dev.realmctl.plan.Kind;
import dev.realmctl.plan.LiveRealm;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.version.VersionBehaviour;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.keycloak.representations.idm.ClientRepresentation;

/**
 * Clients with their protocol mappers and client scope links: one request for all of them. The
 * scope links are written here; the protocol mappers by {@link ProtocolMapperEdge}.
 */
final class ClientEdge implements KindEdge {
  private static final Map<String, Object> CLIENT_DEFAULTS =
      ExportFields.defaults(
          "name",
          null,
          "description",
          null,
          "enabled",
          true,
          "publicClient",
          false,
          "bearerOnly",
          false,
          "standardFlowEnabled",
          true,
          "implicitFlowEnabled",
          false,
          "directAccessGrantsEnabled",
          false,
          "serviceAccountsEnabled",
          false,
          "consentRequired",
          false,
          "fullScopeAllowed",
          true,
          "protocol",
          "openid-connect",
          "clientAuthenticatorType",
          "client-secret",
          "rootUrl",
          null,
          "baseUrl",
          null,
          "adminUrl",
          null,
          "redirectUris",
          List.of(),
          "webOrigins",
          List.of());
  private static final Set<String> CLIENT_ATTRIBUTES =
      Set.of("post.logout.redirect.uris", "access.token.lifespan", "pkce.code.challenge.method");

  @Override
  public Map<Kind, ChangeWriter<?>> writers() {
    return Map.of(Kind.CLIENT, new ClientWriter(), Kind.SCOPE_LINK, new ScopeLinkWriter());
  }

  @Override
  public LiveRealm read(RealmSpec spec, RealmRead read, LiveRealm live) {
    Map<String, ClientPlanner.Live> clients = new HashMap<>();
    for (ClientRepresentation client : read.realm().clients().findAll()) {
      read.ids().clients.put(client.getClientId(), client.getId());
      clients.put(
          client.getClientId(),
          new ClientPlanner.Live(
              Json.toMap(client),
              ProtocolMapperEdge.read(
                  client.getProtocolMappers(), "clients", client.getClientId(), read.ids()),
              set(client.getDefaultClientScopes()),
              set(client.getOptionalClientScopes())));
    }
    return live.with(ClientPlanner.LIVE, clients);
  }

  private static Set<String> set(List<String> values) {
    return values == null ? Set.of() : Set.copyOf(values);
  }

  @Override
  public void export(
      String realm,
      LiveRealm live,
      VersionBehaviour behaviour,
      Map<String, Object> spec,
      List<String> notes) {
    List<Map<String, Object>> clients = new ArrayList<>();
    new TreeMap<>(live.part(ClientPlanner.LIVE))
        .forEach(
            (clientId, client) -> {
              if (!Builtins.CLIENTS.contains(clientId)) {
                clients.add(export(realm, clientId, client, behaviour, notes));
              }
            });
    ExportFields.putIfNotEmpty(spec, "clients", clients);
  }

  private static Map<String, Object> export(
      String realm,
      String clientId,
      ClientPlanner.Live client,
      VersionBehaviour behaviour,
      List<String> notes) {
    Map<String, Object> fields = client.fields();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("clientId", clientId);
    out.putAll(ExportFields.nonDefault(fields, CLIENT_DEFAULTS));
    Map<String, Object> attributes = new TreeMap<>();
    ExportFields.sortedMap(fields.get("attributes"))
        .forEach(
            (k, v) -> {
              if (CLIENT_ATTRIBUTES.contains(k) && v != null && !String.valueOf(v).isEmpty()) {
                attributes.put(k, v);
              }
            });
    ExportFields.putIfNotEmpty(out, "attributes", attributes);
    // Mappers Keycloak attached by itself are its own; a spec declaring them would carry them
    // to a version that attaches them elsewhere.
    Set<String> attached =
        behaviour.mappersKeycloakAttaches(
            Boolean.TRUE.equals(fields.get("serviceAccountsEnabled")));
    Map<String, Map<String, Object>> own = new HashMap<>(client.protocolMappers());
    own.keySet().removeAll(attached);
    if (!own.isEmpty()) {
      out.put("protocolMappers", ProtocolMapperEdge.export(own));
    }
    out.put("defaultClientScopes", ExportFields.sorted(List.copyOf(client.defaultClientScopes())));
    out.put(
        "optionalClientScopes", ExportFields.sorted(List.copyOf(client.optionalClientScopes())));
    if (!Boolean.TRUE.equals(fields.get("publicClient"))
        && !Boolean.TRUE.equals(fields.get("bearerOnly"))) {
      notes.add(
          "client "
              + clientId
              + ": secret not exported; to manage it add `secret: ${env:"
              + ExportFields.envName(realm, clientId)
              + "}`");
    }
    return out;
  }

  private static final class ClientWriter implements ChangeWriter<ClientPlanner.Id> {
    @Override
    public Class<ClientPlanner.Id> idType() {
      return ClientPlanner.Id.class;
    }

    @Override
    public void create(ClientPlanner.Id id, Change change, Target target) {
      var clients = target.realm(id.realm()).clients();
      ClientRepresentation client =
          Json.toRepresentation(change.after(), ClientRepresentation.class);
      // Never the authorization settings (a kind of its own, written after the client and what its
      // policies name): Keycloak imports them with the client, and a policy naming a user, group or
      // role not yet there fails the whole create with HTTP 500 ("Error while updating policy
      // [Only Alice]. User [alice] could not be found.", measured on 26.7.3).
      client.setAuthorizationSettings(null);
      String created = Target.createdId(clients.create(client));
      target.ids(id.realm()).clients.put(id.clientId(), created);
    }

    @Override
    public boolean exists(ClientPlanner.Id id, Change change, Target target) {
      return ChangeWriter.found(() -> target.clientUuid(id.realm(), id.clientId()));
    }

    @Override
    public void update(ClientPlanner.Id id, Change change, Target target) {
      // Keycloak's client PUT keeps every field, and every attribute, it is not sent (measured on
      // 26.7.3: WriteOnlyPlannedIT), so only the planned fields go: a secret rotated or a redirect
      // URI added by a person since the plan was made stays.
      String uuid = target.clientUuid(id.realm(), id.clientId());
      var client = target.realm(id.realm()).clients().get(uuid);
      PlannedFields.check(
          change,
          Json.toMap(client.toRepresentation()),
          target,
          AdminEvents.Resource.at("clients/" + uuid, "CLIENT"));
      client.update(Json.toRepresentation(change.after(), ClientRepresentation.class));
    }

    @Override
    public void delete(ClientPlanner.Id id, Change change, Target target) {
      target.client(id.realm(), id.clientId()).remove();
    }
  }

  private static final class ScopeLinkWriter implements ChangeWriter<ClientPlanner.ScopeLinkId> {
    @Override
    public Class<ClientPlanner.ScopeLinkId> idType() {
      return ClientPlanner.ScopeLinkId.class;
    }

    @Override
    public void create(ClientPlanner.ScopeLinkId id, Change change, Target target) {
      var client = target.client(id.realm(), id.clientId());
      String scopeId = target.scopeId(id.realm(), id.scope());
      if (id.isDefault()) {
        client.addDefaultClientScope(scopeId);
      } else {
        client.addOptionalClientScope(scopeId);
      }
    }

    @Override
    public void update(ClientPlanner.ScopeLinkId id, Change change, Target target) {
      throw new UnsupportedOperationException("a scope link is created or deleted, never updated");
    }

    @Override
    public void delete(ClientPlanner.ScopeLinkId id, Change change, Target target) {
      var client = target.client(id.realm(), id.clientId());
      String scopeId = target.scopeId(id.realm(), id.scope());
      if (id.isDefault()) {
        client.removeDefaultClientScope(scopeId);
      } else {
        client.removeOptionalClientScope(scopeId);
      }
    }
  }
}
