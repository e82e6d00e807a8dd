package dev.realmctl.plan;

import dev.realmctl.spec.ClientSpec;
import dev.realmctl.spec.RealmSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Clients, their mappers and scope links. What Keycloak attaches to a client by itself (per
 * version: {@link dev.realmctl.version.VersionBehaviour}) is never fought.
 */
public final class ClientPlanner implements ResourcePlanner {

  public record Live(
      Map<String, Object> fields,
      Map<String, Map<String, Object>> protocolMappers,
      Set<String> defaultClientScopes,
      Set<String> optionalClientScopes) {}

  public record Id(String realm, String clientId) implements ResourceId {
    public Kind kind() {
      return Kind.CLIENT;
    }

    public String path() {
      return "clients/" + clientId;
    }
  }

  public record ScopeLinkId(String realm, String clientId, String scope, boolean isDefault)
      implements ResourceId {
    public Kind kind() {
      return Kind.SCOPE_LINK;
    }

    public String path() {
      return "clients/"
          + clientId
          + (isDefault ? "/defaultClientScopes/" : "/optionalClientScopes/")
          + scope;
    }

    @Override
    public Object place() {
      return new ScopeLinkId(realm, clientId, scope, true);
    }
  }

  public static final LivePart<Map<String, Live>> LIVE = new LivePart<>("clients", Map.of());

  @Override
  public void plan(RealmSpec spec, LiveRealm live, PlanBuilder out) {
    References references = new References(spec, live, out);
    for (ClientSpec client : spec.of(ClientSpec.SECTION)) {
      ProtocolMapperPlanner.checkProviders(client.protocolMappers(), out);
      client
          .defaultClientScopes()
          .ifPresent(s -> references.scopes(s, client.origin().child("defaultClientScopes")));
      client
          .optionalClientScopes()
          .ifPresent(s -> references.scopes(s, client.origin().child("optionalClientScopes")));
      var id = new Id(spec.realm(), client.clientId());
      if (Builtins.READ_ONLY_CLIENT.equals(client.clientId())) {
        // Keycloak answers every write to realm-management (its fields, scope links, mappers)
        // with HTTP 403: an export's copy of it is taken as Keycloak keeps it.
        out.unchanged++;
        continue;
      }
      Live found = live.part(LIVE).get(client.clientId());
      if (found == null && !out.realmExists && Builtins.CLIENTS.contains(client.clientId())) {
        // Keycloak makes the built-in clients with the realm: an export's account, broker, ...
        // are updates of those, with the scopes a new realm links to them (a create answered
        // 409, taken as done, and left their declared fields and scopes to the next apply).
        found =
            new Live(
                Map.of(),
                Map.of(),
                out.keycloak.builtInClientScopesOfNewRealm(false),
                out.keycloak.builtInClientScopesOfNewRealm(true));
      }
      Live existing = found;
      if (existing == null) {
        out.add(Change.create(id, representation(client)).at(client.origin()));
        continue;
      }
      out.updateOrCount(id, FieldDiff.between(fields(client), existing.fields()), client.origin());
      boolean serviceAccounts =
          client.serviceAccountsEnabled()
              || Boolean.TRUE.equals(existing.fields().get("serviceAccountsEnabled"));
      Set<String> attachedScopes = out.keycloak.scopesKeycloakAttaches(serviceAccounts);
      client
          .protocolMappers()
          .ifPresent(
              mappers ->
                  ProtocolMapperPlanner.plan(
                      spec.realm(),
                      ProtocolMapperPlanner.Owner.CLIENT,
                      client.clientId(),
                      mappers,
                      existing.protocolMappers(),
                      out.keycloak.mappersKeycloakAttaches(serviceAccounts),
                      out));
      client
          .defaultClientScopes()
          .ifPresent(
              want ->
                  links(
                      spec.realm(),
                      client.clientId(),
                      true,
                      want,
                      existing.defaultClientScopes(),
                      attachedScopes,
                      out));
      client
          .optionalClientScopes()
          .ifPresent(
              want ->
                  links(
                      spec.realm(),
                      client.clientId(),
                      false,
                      want,
                      existing.optionalClientScopes(),
                      attachedScopes,
                      out));
    }
  }

  /** A new client is created whole: Keycloak then attaches exactly the declared scopes. */
  /** Flow overrides are bound once their flows exist: FlowPlanner plans them. */
  private static Map<String, Object> fields(ClientSpec client) {
    Map<String, Object> fields = new LinkedHashMap<>(client.fields());
    fields.remove(FlowPlanner.CLIENT_OVERRIDES);
    return fields;
  }

  private static Map<String, Object> representation(ClientSpec client) {
    Map<String, Object> rep = new LinkedHashMap<>();
    rep.put("clientId", client.clientId());
    rep.putAll(fields(client));
    client
        .protocolMappers()
        .ifPresent(m -> rep.put("protocolMappers", ProtocolMapperPlanner.representations(m)));
    client
        .defaultClientScopes()
        .ifPresent(s -> rep.put("defaultClientScopes", java.util.List.copyOf(s)));
    client
        .optionalClientScopes()
        .ifPresent(s -> rep.put("optionalClientScopes", java.util.List.copyOf(s)));
    return rep;
  }

  private static void links(
      String realm,
      String clientId,
      boolean isDefault,
      Set<String> want,
      Set<String> have,
      Set<String> keycloakAttached,
      PlanBuilder out) {
    for (String scope : want) {
      if (!have.contains(scope)) {
        out.add(
            Change.create(
                new ScopeLinkId(realm, clientId, scope, isDefault), Map.of("name", scope)));
      }
    }
    for (String scope : have) {
      if (!want.contains(scope) && !keycloakAttached.contains(scope)) {
        out.add(
            Change.delete(
                new ScopeLinkId(realm, clientId, scope, isDefault), Map.of("name", scope)));
      }
    }
  }

  @Override
  public List<Owned> owned() {
    return List.of(new Clients());
  }

  private static final class Clients implements Owned {
    @Override
    public Optional<String> recordedName(ResourceId id) {
      return id instanceof Id client ? Optional.of(client.clientId()) : Optional.empty();
    }

    public String key() {
      return Ownership.CLIENTS;
    }

    public Set<String> declared(RealmSpec spec) {
      return spec.of(ClientSpec.SECTION).stream()
          .map(ClientSpec::clientId)
          .collect(Collectors.toSet());
    }

    public Set<String> live(LiveRealm live) {
      return live.part(LIVE).keySet();
    }

    public Optional<Change> delete(String realm, String clientId, LiveRealm live, Pruning pruning) {
      if (Builtins.CLIENTS.contains(clientId)) {
        return Optional.empty();
      }
      return Optional.of(
          Change.delete(new Id(realm, clientId), live.part(LIVE).get(clientId).fields()));
    }
  }
}
