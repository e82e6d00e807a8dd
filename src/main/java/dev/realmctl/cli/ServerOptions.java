package dev.realmctl.cli;

import dev.realmctl.keycloak.Connection;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where Keycloak is and how to log in, with the Terraform provider's variable names. Credentials
 * come only from the environment: a command-line argument would show in `ps` and shell history.
 */
final class ServerOptions {
  @Option(
      names = "--server",
      paramLabel = "URL",
      description = "Keycloak base URL. Default: $KEYCLOAK_URL")
  Optional<String> server = Optional.empty();

  @Option(
      names = "--allow-insecure-http",
      description =
          "Allow http:// to a host other than loopback (credentials cross the network in clear).")
  boolean allowInsecureHttp;

  @Option(
      names = "--retry-for",
      paramLabel = "SECONDS",
      description = "How long to keep retrying connection failures and 502/503/504. Default: 60")
  int retrySeconds = (int) Connection.Settings.DEFAULT_RETRY_BUDGET.toSeconds();

  /**
   * Logged in, or a failure in words; a retried first failure is said at once, with how long
   * realmctl keeps trying.
   */
  Connection connect(Realmctl root) {
    Connection connection = Connection.open(settings(root), root.output()::error);
    try {
      connection.login();
      return connection;
    } catch (RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  Connection.Settings settings(Realmctl root) {
    String url =
        server
            .or(() -> root.env("KEYCLOAK_URL"))
            .orElseThrow(
                () -> new ExitCodes.UserError("no Keycloak: set KEYCLOAK_URL or pass --server"));
    return settings(root, url);
  }

  /** The same login at {@code url}: another node of the cluster, say. */
  Connection.Settings settings(Realmctl root, String url) {
    checkTransport(url);
    String realm = root.env("KEYCLOAK_REALM").orElse("master");
    Optional<String> clientSecret = secret(root, "KEYCLOAK_CLIENT_SECRET");
    if (clientSecret.isPresent()) {
      String clientId =
          root.env("KEYCLOAK_CLIENT_ID")
              .orElseThrow(
                  () -> new ExitCodes.UserError("KEYCLOAK_CLIENT_SECRET needs KEYCLOAK_CLIENT_ID"));
      root.redactor().remember(clientSecret.get());
      return new Connection.Settings(
          url, realm, clientId, Optional.empty(), Optional.empty(), clientSecret, retryBudget());
    }
    String user =
        root.env("KEYCLOAK_USER")
            .orElseThrow(
                () ->
                    new ExitCodes.UserError(
                        "no admin credentials: set KEYCLOAK_USER and KEYCLOAK_PASSWORD,"
                            + " or KEYCLOAK_CLIENT_ID and KEYCLOAK_CLIENT_SECRET"));
    String password =
        secret(root, "KEYCLOAK_PASSWORD")
            .orElseThrow(() -> new ExitCodes.UserError("KEYCLOAK_USER needs KEYCLOAK_PASSWORD"));
    root.redactor().remember(password);
    return new Connection.Settings(
        url,
        realm,
        root.env("KEYCLOAK_CLIENT_ID").orElse("admin-cli"),
        Optional.of(user),
        Optional.of(password),
        Optional.empty(),
        retryBudget());
  }

  private java.time.Duration retryBudget() {
    return java.time.Duration.ofSeconds(Math.max(0, retrySeconds));
  }

  /**
   * A credential from NAME, or from the file NAME_FILE names (as Docker and Kubernetes secrets are
   * mounted).
   */
  private static Optional<String> secret(Realmctl root, String name) {
    Optional<String> file = root.env(name + "_FILE");
    if (file.isEmpty()) {
      return root.env(name);
    }
    try {
      return Optional.of(java.nio.file.Files.readString(java.nio.file.Path.of(file.get())).strip())
          .filter(value -> !value.isEmpty());
    } catch (java.io.IOException e) {
      throw new ExitCodes.UserError(name + "_FILE: cannot read " + file.get());
    }
  }

  private void checkTransport(String url) {
    Transport.check(url, allowInsecureHttp, Transport.Resolver.system());
  }
}
