package dev.realmctl.plan;

import dev.realmctl.spec.ClientSpec;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.version.VersionBehaviour;
import java.util.ArrayList;
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
      checkReferences(client, references, out);
      if (Builtins.READ_ONLY_CLIENT.equals(client.clientId())) {
        // Keycloak answers every write to realm-management (its fields, scope links, mappers)
        // with HTTP 403: an export's copy of it is taken as Keycloak keeps it.
        out.unchanged++;
        continue;
      }
      Optional<Live> found = existing(client.clientId(), live, out.realmExists, out.keycloak);
      if (found.filter(ClientPlanner::secretMasked).isPresent()
          && client.fields().containsKey("secret")) {
        out.problems.warning(
            client.origin().at("secret"),
            "client '"
                + client.clientId()
                + "': the credential cannot see client secrets (Keycloak shows them masked to a"
                + " caller without manage-clients), so the secret is not compared");
      }
      out.add(
          found
              .map(have -> diff(spec.realm(), client, have, out.keycloak))
              .orElseGet(
                  () ->
                      Diff.change(
                          Change.create(
                                  new Id(spec.realm(), client.clientId()), representation(client))
                              .at(client.origin()))));
    }
  }

  /** The mappers' types and the linked scopes must exist. */
  private static void checkReferences(ClientSpec client, References references, PlanBuilder out) {
    ProtocolMapperPlanner.checkProviders(client.protocolMappers(), out);
    client
        .defaultClientScopes()
        .ifPresent(s -> references.scopes(s, client.origin().child("defaultClientScopes")));
    client
        .optionalClientScopes()
        .ifPresent(s -> references.scopes(s, client.origin().child("optionalClientScopes")));
  }

  /** The live client, or what Keycloak makes of a built-in one with a new realm. */
  static Optional<Live> existing(
      String clientId, LiveRealm live, boolean realmExists, VersionBehaviour keycloak) {
    Live found = live.part(LIVE).get(clientId);
    if (found == null && !realmExists && Builtins.CLIENTS.contains(clientId)) {
      // Keycloak makes the built-in clients with the realm: an export's account, broker, ...
      // are updates of those, with the scopes a new realm links to them (a create answered
      // 409, taken as done, and left their declared fields and scopes to the next apply).
      return Optional.of(
          new Live(
              Map.of(),
              Map.of(),
              keycloak.builtInClientScopesOfNewRealm(false),
              keycloak.builtInClientScopesOfNewRealm(true)));
    }
    return Optional.ofNullable(found);
  }

  /**
   * An existing client against its spec: its fields, then its mappers and scope links when
   * declared, sparing what Keycloak attaches by itself.
   */
  static Diff diff(String realm, ClientSpec client, Live existing, VersionBehaviour keycloak) {
    var id = new Id(realm, client.clientId());
    Diff diff =
        Diff.update(
            id, FieldDiff.between(compared(client, existing), existing.fields()), client.origin());
    boolean serviceAccounts =
        client.serviceAccountsEnabled()
            || Boolean.TRUE.equals(existing.fields().get("serviceAccountsEnabled"));
    Set<String> attachedScopes = keycloak.scopesKeycloakAttaches(serviceAccounts);
    if (client.protocolMappers().isPresent()) {
      diff =
          diff.plus(
              ProtocolMapperPlanner.diff(
                  realm,
                  ProtocolMapperPlanner.Owner.CLIENT,
                  client.clientId(),
                  client.protocolMappers().get(),
                  existing.protocolMappers(),
                  keycloak.mappersKeycloakAttaches(serviceAccounts)));
    }
    if (client.defaultClientScopes().isPresent()) {
      diff =
          diff.plus(
              links(
                  realm,
                  client.clientId(),
                  true,
                  client.defaultClientScopes().get(),
                  existing.defaultClientScopes(),
                  attachedScopes));
    }
    if (client.optionalClientScopes().isPresent()) {
      diff =
          diff.plus(
              links(
                  realm,
                  client.clientId(),
                  false,
                  client.optionalClientScopes().get(),
                  existing.optionalClientScopes(),
                  attachedScopes));
    }
    return diff;
  }

  /** Flow overrides are bound once their flows exist: FlowPlanner plans them. */
  private static Map<String, Object> fields(ClientSpec client) {
    Map<String, Object> fields = new LinkedHashMap<>(client.fields());
    fields.remove(FlowPlanner.CLIENT_OVERRIDES);
    return fields;
  }

  /**
   * Keycloak 26.8 and later show a client's secret as {@code **********} to a caller without
   * manage-clients: a value that says nothing about the secret, never one to plan a change from.
   */
  static boolean secretMasked(Live client) {
    return ComponentPlanner.MASK.equals(client.fields().get("secret"));
  }

  /** The declared fields to compare: a secret Keycloak shows masked cannot be. */
  private static Map<String, Object> compared(ClientSpec client, Live existing) {
    Map<String, Object> fields = fields(client);
    if (secretMasked(existing)) {
      fields.remove("secret");
    }
    return fields;
  }

  /** A new client is created whole: Keycloak then attaches exactly the declared scopes. */
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

  /** Links to add and to remove; what Keycloak attached by itself stays. */
  private static Diff links(
      String realm,
      String clientId,
      boolean isDefault,
      Set<String> want,
      Set<String> have,
      Set<String> keycloakAttached) {
    List<Change> changes = new ArrayList<>();
    for (String scope : want) {
      if (!have.contains(scope)) {
        changes.add(
            Change.create(
                new ScopeLinkId(realm, clientId, scope, isDefault), Map.of("name", scope)));
      }
    }
    for (String scope : have) {
      if (!want.contains(scope) && !keycloakAttached.contains(scope)) {
        changes.add(
            Change.delete(
                new ScopeLinkId(realm, clientId, scope, isDefault), Map.of("name", scope)));
      }
    }
    return new Diff(changes, 0);
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
