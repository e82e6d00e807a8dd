package dev.realmctl.plan;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A snapshot of one realm as Keycloak has it, in representation field names: the realm's own
 * fields, and each kind's part as its edge read it, under that kind's {@link LivePart}. Role
 * mappings are the direct ones.
 */
public record LiveRealm(Map<String, Object> settings, Map<String, Object> parts) {

  /** A realm whose own fields are read and none of its kinds yet. */
  public static LiveRealm of(Map<String, Object> settings) {
    return new LiveRealm(settings, Map.of());
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
    return new LiveRealm(settings, more);
  }

  // The first kinds' parts, which several planners read: named here once.
  public Map<String, Client> clients() {
    return part(ClientPlanner.LIVE);
  }

  public Map<String, Scope> clientScopes() {
    return part(ClientScopePlanner.LIVE);
  }

  public Map<String, Map<String, Object>> realmRoles() {
    return part(RolePlanner.REALM_ROLES);
  }

  public Map<String, Map<String, Map<String, Object>>> clientRoles() {
    return part(RolePlanner.CLIENT_ROLES);
  }

  public Map<String, Group> groups() {
    return part(GroupPlanner.LIVE);
  }

  public Map<String, User> users() {
    return part(UserPlanner.LIVE);
  }

  public Map<RoleMappingPlanner.Subject, RoleScope> scopeMappings() {
    return part(ScopeMappingPlanner.LIVE);
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
    return of(Map.of());
  }

  /** The client roles read, each as {@code clientId/roleName}, as ownership records them. */
  Set<String> clientRoleKeys() {
    Set<String> keys = new java.util.HashSet<>();
    clientRoles()
        .forEach(
            (clientId, roles) ->
                roles.keySet().forEach(role -> keys.add(Ownership.clientRoleKey(clientId, role))));
    return keys;
  }

  public boolean hasRole(Optional<String> clientId, String name) {
    return clientId
        .map(c -> clientRoles().getOrDefault(c, Map.of()).containsKey(name))
        .orElseGet(() -> realmRoles().containsKey(name));
  }
}
