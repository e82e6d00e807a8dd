package dev.realmctl.cli;

import dev.realmctl.keycloak.Connection;

/** What a run cost Keycloak, on stderr so that plan output stays clean for tools. */
final class Cost {
  private Cost() {}

  static String of(Connection connection, long startedNanos) {
    var requests = connection.requests();
    long millis = (System.nanoTime() - startedNanos) / 1_000_000;
    return "("
        + requests.total()
        + " requests to Keycloak: "
        + requests.reads()
        + " reads, "
        + requests.writes()
        + " writes; "
        + millis
        + " ms)";
  }
}
