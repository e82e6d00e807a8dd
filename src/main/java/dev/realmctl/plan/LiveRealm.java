package dev.realmctl.plan;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A snapshot of one realm as Keycloak has it, in representation field names. Role mappings are the
 * direct ones; client role mappings are known for the clients the spec refers to, role scopes for
 * the clients and client scopes the spec's scope mappings name. {@code parts} holds what the other
 * kinds read, each under its {@link LivePart}.
 */
public record LiveRealm(
    Map<String, Object> settings,
    Map<String, Client> clients,
    Map<String, Scope> clientScopes,
    Map<String, Map<String, Object>> realmRoles,
    Map<String, Map<String, Map<String, Object>>> clientRoles,
    Map<String, Group> groups,
    Map<String, User> users,
    Map<ResourceId.Subject, RoleScope> scopeMappings,
    Map<String, Object> parts) {

  public LiveRealm(
      Map<String, Object> settings,
      Map<String, Client> clients,
      Map<String, Scope> clientScopes,
      Map<String, Map<String, Object>> realmRoles,
      Map<String, Map<String, Map<String, Object>>> clientRoles,
      Map<String, Group> groups,
      Map<String, User> users,
      Map<ResourceId.Subject, RoleScope> scopeMappings) {
    this(
        settings,
        clients,
        clientScopes,
        realmRoles,
        clientRoles,
        groups,
        users,
        scopeMappings,
        Map.of());
  }

  /** A kind's part, or its empty value when it was not read. */
  @SuppressWarnings("unchecked")
  public <T> T part(LivePart<T> part) {
    return (T) parts.getOrDefault(part.name(), part.empty());
  }

  /** The same realm with one more part read. */
  public <T> LiveRealm with(LivePart<T> part, T value) {
    Map<String, Object> more = new java.util.HashMap<>(parts);
    more.put(part.name(), value);
    return new LiveRealm(
        settings,
        clients,
        clientScopes,
        realmRoles,
        clientRoles,
        groups,
        users,
        scopeMappings,
        more);
  }

  public record Client(
      Map<String, Object> fields,
      Map<String, Map<String, Object>> protocolMappers,
      Set<String> defaultClientScopes,
      Set<String> optionalClientScopes) {}

  public record Scope(
      Map<String, Object> fields, Map<String, Map<String, Object>> protocolMappers) {}

  public record Group(
      Map<String, Object> fields, Set<String> realmRoles, Map<String, Set<String>> clientRoles) {}

  /**
   * The roles a client or client scope may put into tokens: realm roles, client roles by client.
   */
  public record RoleScope(Set<String> realmRoles, Map<String, Set<String>> clientRoles) {
    public static final RoleScope NONE = new RoleScope(Set.of(), Map.of());
  }

  public record User(
      Map<String, Object> fields,
      Set<String> realmRoles,
      Map<String, Set<String>> clientRoles,
      Set<String> groups) {}

  public static LiveRealm empty() {
    return new LiveRealm(
        Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
  }

  /** The client roles read, each as {@code clientId/roleName}, as ownership records them. */
  Set<String> clientRoleKeys() {
    Set<String> keys = new java.util.HashSet<>();
    clientRoles.forEach(
        (clientId, roles) ->
            roles.keySet().forEach(role -> keys.add(Ownership.clientRoleKey(clientId, role))));
    return keys;
  }

  public boolean hasRole(Optional<String> clientId, String name) {
    return clientId
        .map(c -> clientRoles.getOrDefault(c, Map.of()).containsKey(name))
        .orElseGet(() -> realmRoles.containsKey(name));
  }
}
