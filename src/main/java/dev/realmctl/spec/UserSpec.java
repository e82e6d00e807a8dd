package dev.realmctl.spec;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A user, or (with {@code serviceAccountClientId}) the service-account user Keycloak made for a
 * client, as a realm export writes it. The password is only ever set when the user is created.
 */
public record UserSpec(
    String username,
    Map<String, Object> fields,
    Optional<Sensitive> initialPassword,
    boolean temporaryPassword,
    Optional<Set<String>> realmRoles,
    Optional<Map<String, Set<String>>> clientRoles,
    Optional<Set<String>> groups,
    Optional<String> serviceAccountClientId,
    Origin origin) {

  public boolean isServiceAccount() {
    return serviceAccountClientId.isPresent();
  }
}
