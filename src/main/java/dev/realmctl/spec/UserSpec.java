package dev.realmctl.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A user, or (with {@code serviceAccountClientId}) the service-account user Keycloak made for a
 * client, as a realm export writes it. Credentials (a password, or the hashed credentials an export
 * carries) are only ever set when the user is created: Keycloak never shows them back.
 */
public record UserSpec(
    String username,
    Map<String, Object> fields,
    List<Map<String, Object>> credentials,
    Optional<Set<String>> realmRoles,
    Optional<Map<String, Set<String>>> clientRoles,
    Optional<Set<String>> groups,
    Optional<List<FederatedIdentity>> federatedIdentities,
    Optional<String> serviceAccountClientId,
    Origin origin) {

  /** The user's link to an account at an identity provider. */
  public record FederatedIdentity(
      String identityProvider, String userId, String userName, Origin origin) {}

  public boolean isServiceAccount() {
    return serviceAccountClientId.isPresent();
  }

  /** The password given in clear (from a variable), if any. */
  public Optional<Sensitive> initialPassword() {
    return credentials.stream()
        .map(credential -> credential.get("value"))
        .filter(Sensitive.class::isInstance)
        .map(Sensitive.class::cast)
        .findFirst();
  }
}
