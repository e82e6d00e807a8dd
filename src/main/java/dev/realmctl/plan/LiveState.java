package dev.realmctl.plan;

import dev.realmctl.version.VersionBehaviour;
import java.util.Map;
import java.util.Optional;

/**
 * The realms a plan looked at, and the Keycloak version they were read from; a realm missing from
 * the map does not exist in Keycloak. Server-wide facts ride along: read once, not per realm.
 */
public record LiveState(
    Map<String, LiveRealm> realms, VersionBehaviour keycloak, ServerProviders providers) {

  public LiveState(Map<String, LiveRealm> realms, VersionBehaviour keycloak) {
    this(realms, keycloak, ServerProviders.UNKNOWN);
  }

  /** Read from a server of the newest tested version. */
  public LiveState(Map<String, LiveRealm> realms) {
    this(realms, VersionBehaviour.newestTested());
  }

  public Optional<LiveRealm> realm(String name) {
    return Optional.ofNullable(realms.get(name));
  }
}
