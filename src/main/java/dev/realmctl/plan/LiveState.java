package dev.realmctl.plan;

import java.util.Map;
import java.util.Optional;

/** The realms a plan looked at; a realm missing from the map does not exist in Keycloak. */
public record LiveState(Map<String, LiveRealm> realms) {

  public Optional<LiveRealm> realm(String name) {
    return Optional.ofNullable(realms.get(name));
  }
}
