package dev.realmctl.cli;

import dev.realmctl.keycloak.Connection;

/** What a run cost Keycloak, on stderr so that plan output stays clean for tools. */
final class Cost {
  private Cost() {}

  /**
   * A warning when the server is newer (or older) than the versions the matrix tests, or does not
   * say which it is; planning goes on in either case.
   */
  static void warnAboutVersion(Output output, Connection connection) {
    var version = connection.serverVersionIfRead();
    if (version.isEmpty()) {
      output.error(
          "warning: Keycloak did not report its version (GET /admin/serverinfo); planned as for "
              + dev.realmctl.version.SupportedVersions.newestTested()
              + ", the newest tested");
      return;
    }
    connection.behaviour().untested().ifPresent(w -> output.error("warning: " + w));
  }

  static String of(Connection connection, long startedNanos) {
    var requests = connection.requests();
    long millis = (System.nanoTime() - startedNanos) / 1_000_000;
    return "("
        + requests.total()
        + " requests to Keycloak"
        + connection.serverVersionIfRead().map(v -> " " + v).orElse("")
        + ": "
        + requests.reads()
        + " reads, "
        + requests.writes()
        + " writes; "
        + millis
        + " ms)";
  }
}
