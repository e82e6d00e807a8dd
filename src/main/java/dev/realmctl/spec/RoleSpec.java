package dev.realmctl.spec;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A realm role, or a client role when {@code clientId} is present. {@code composites}, when
 * declared, is the exact set of roles it holds.
 */
public record RoleSpec(
    String name,
    Optional<String> clientId,
    Map<String, Object> fields,
    Optional<Composites> composites,
    Origin origin) {

  /** The roles a composite role holds: realm roles, and client roles by client. */
  public record Composites(Set<String> realm, Map<String, Set<String>> client) {}

  /** How the role is addressed in its realm: {@code name}, or {@code clientId/name}. */
  public String key() {
    return clientId.map(c -> c + "/").orElse("") + name;
  }
}
