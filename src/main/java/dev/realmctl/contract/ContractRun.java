package dev.realmctl.contract;

import dev.realmctl.keycloak.Connection;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.Variables;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What one contract run is pointed at: the server, the admin login that plans (and, with {@code
 * --apply}, applies), where the specs are, and where their {@code ${env:}}/{@code ${file:}} values
 * come from. Cucumber makes the step classes itself, so the run is installed here before it starts.
 *
 * @param mode how "the realm X is applied" is made true
 * @param baseDir where a file a step names is found
 * @param adapt a last change to every spec loaded (the project's tests adapt specs to old servers)
 */
public record ContractRun(
    String keycloakUrl,
    Optional<Connection.Settings> admin,
    Variables variables,
    List<Path> realmPaths,
    Path baseDir,
    Mode mode,
    UnaryOperator<RealmSpec> adapt) {

  public enum Mode {
    /** A deployment: nothing is written; a realm is "applied" when it plans empty. */
    VERIFY,
    /** A deployment the run may write: each realm is applied under its own name, once per run. */
    APPLY,
    /**
     * A server of one's own: each scenario gets its own copies of its realms under unique names, so
     * scenarios that change a realm (tagged {@code @mutates}) run too.
     */
    ISOLATED
  }

  private static volatile ContractRun current;

  public static void install(ContractRun run) {
    current = run;
    RealmCatalog.reset();
    RealmSteps.reset();
  }

  static ContractRun current() {
    ContractRun run = current;
    if (run == null) {
      throw new IllegalStateException(
          "the contract steps run under `realmctl test` (no run was installed)");
    }
    return run;
  }

  /**
   * Scenarios that change the realm (console edits, reconciling) only run where realms are ours.
   */
  boolean mayMutate() {
    return mode == Mode.ISOLATED;
  }

  /**
   * The API named {@code audience} as deployed, from {@code API_URL_<AUDIENCE>}; without it, the
   * sample resource server is started for the scenario.
   */
  Optional<String> apiUrl(String audience) {
    String variable = "API_URL_" + audience.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    return variables.env(variable).filter(s -> !s.isBlank());
  }
}
