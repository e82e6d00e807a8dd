package dev.realmctl.features;

import dev.realmctl.support.TestSecrets;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the contract suite runs. By default against the test Keycloak, applying the realms itself.
 * With {@code KEYCLOAK_URL} set it is a contract check of a deployment: nothing is applied unless
 * {@code REALMCTL_APPLY=true}, secrets come from the environment, scenarios tagged {@code @mutates}
 * are skipped, and an API given as {@code API_URL_<AUDIENCE>} is called instead of a local one.
 */
final class ContractTarget {
  private final boolean external;
  private final boolean applies;

  private ContractTarget(boolean external, boolean applies) {
    this.external = external;
    this.applies = applies;
  }

  static ContractTarget fromEnvironment() {
    boolean external =
        Optional.ofNullable(System.getenv("KEYCLOAK_URL")).filter(s -> !s.isBlank()).isPresent();
    boolean askedToApply = "true".equalsIgnoreCase(System.getenv("REALMCTL_APPLY"));
    return new ContractTarget(external, !external || askedToApply);
  }

  boolean applies() {
    return applies;
  }

  /**
   * Scenarios that change the realm (console edits, reconciling) only run where realms are our own.
   */
  boolean mayMutate() {
    return applies;
  }

  String secret(String name) {
    return applies
        ? TestSecrets.get(name)
        : Optional.ofNullable(System.getenv(name)).orElse("unset-" + name);
  }

  Optional<String> apiUrl(String audience) {
    if (!external) {
      return Optional.empty();
    }
    String variable = "API_URL_" + audience.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    return Optional.ofNullable(System.getenv(variable)).filter(s -> !s.isBlank());
  }
}
