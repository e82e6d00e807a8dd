package dev.realmctl.plan;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The providers the server has installed ({@code GET /admin/serverinfo}, the same answer the
 * version comes from): component providers by provider type, and the ids of other providers by SPI.
 * A spec naming one the server lacks (a plugin the realm was exported with) is refused before any
 * write, at its line; Keycloak's own realm import would take the file and answer later with a bare
 * HTTP 500, or keep a flow that breaks every login bound to it. Empty when the login may not see
 * server info: then nothing is refused early and Keycloak's own answer stands. {@code
 * secretConfigKeys} are the component config properties the server marks secret.
 */
public record ServerProviders(
    Optional<Map<String, Set<String>>> componentTypes,
    Optional<Map<String, Set<String>>> bySpi,
    Set<String> secretConfigKeys) {
  public static final ServerProviders UNKNOWN =
      new ServerProviders(Optional.empty(), Optional.empty(), Set.of());

  public ServerProviders(
      Optional<Map<String, Set<String>>> componentTypes, Optional<Map<String, Set<String>>> bySpi) {
    this(componentTypes, bySpi, Set.of());
  }

  /** The config keys the server marks secret, with the names that say so. */
  public SecretValues secrets() {
    return new SecretValues(secretConfigKeys);
  }

  /** Authenticators, form authenticators, form actions and client authenticators: flow steps. */
  public static final String AUTHENTICATOR = "authenticator";

  /** Identity provider types, social ones included. */
  public static final String IDENTITY_PROVIDER = "identity_provider";

  public static final String IDENTITY_PROVIDER_MAPPER = "identity-provider-mapper";

  /** Protocol mapper types of one protocol: {@code protocol-mapper/openid-connect}. */
  public static String protocolMapper(String protocol) {
    return "protocol-mapper/" + protocol;
  }

  /** Why the server would refuse this component provider, if it would. */
  public Optional<String> refusal(String providerType, String providerId) {
    if (componentTypes.isEmpty()) {
      return Optional.empty();
    }
    Set<String> ids = componentTypes.get().get(providerType);
    if (ids == null) {
      return Optional.of("this Keycloak has no component type '" + providerType + "'");
    }
    if (!ids.contains(providerId)) {
      return Optional.of("this Keycloak has no " + providerType + " provider '" + providerId + "'");
    }
    return Optional.empty();
  }

  /** Why the server would refuse a provider of this SPI, if it would. */
  public Optional<String> missing(String spi, String id, String label) {
    return bySpi
        .map(spis -> spis.get(spi))
        .filter(ids -> !ids.contains(id))
        .map(ids -> "this Keycloak has no " + label + " '" + id + "' (is a plugin missing?)");
  }
}
