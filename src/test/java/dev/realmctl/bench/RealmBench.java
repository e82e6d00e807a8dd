package dev.realmctl.bench;

import dev.realmctl.keycloak.Connection;
import dev.realmctl.keycloak.Reconciler;
import dev.realmctl.plan.Plan;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.support.Specs;
import dev.realmctl.support.TestKeycloak;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Not part of {@code mvn verify}: run with {@code mvn -B verify -Pbench [-Dbench.users=1000]}.
 * Generates one realm of 100 confidential clients, 20 audience scopes, 10 realm roles and N users
 * (email, names, password, one role), then reports wall time and admin requests of a first apply, a
 * no-op plan and apply, and one changed redirect URI.
 */
class RealmBench {
  private static final int CLIENTS = 100;
  private static final int SCOPES = 20;
  private static final int ROLES = 10;

  @Test
  void bench() throws IOException {
    int users = Integer.getInteger("bench.users", 1000);
    Path folder = Path.of("target/bench");
    Files.createDirectories(folder);
    String realm = Specs.uniqueName("bench" + users);
    Path spec =
        Files.writeString(
            folder.resolve("bench.yaml"), generate(realm, users, "https://app-0.example.com/*"));
    Path changed =
        Files.writeString(
            folder.resolve("bench-changed.yaml"),
            generate(realm, users, "https://app-0.example.com/v2/*"));

    StringBuilder report = new StringBuilder();
    report.append(
        String.format(
            "realm: %d clients, %d scopes, %d roles, %d users%n", CLIENTS, SCOPES, ROLES, users));
    report.append(
        String.format(
            "%-22s %10s %10s %8s %8s%n", "step", "wall ms", "requests", "writes", "changes"));
    try (Connection connection = TestKeycloak.get().connect()) {
      report.append(step("first apply", connection, spec, true));
      report.append(step("no-op plan", connection, spec, false));
      report.append(step("no-op apply", connection, spec, true));
      report.append(step("one change (plan+apply)", connection, changed, true));
    }
    System.out.print(report);
    Files.writeString(folder.resolve("report-" + users + ".txt"), report);
  }

  private static String step(String name, Connection connection, Path spec, boolean apply) {
    List<RealmSpec> specs = Specs.load(spec);
    connection.requests().reset();
    long started = System.nanoTime();
    Reconciler reconciler = new Reconciler(connection);
    var planned = reconciler.plan(specs);
    Plan plan = planned.plan();
    if (apply && !plan.isEmpty()) {
      reconciler.apply(planned, change -> {});
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    return String.format(
        "%-22s %10d %10d %8d %8d%n",
        name,
        millis,
        connection.requests().total(),
        connection.requests().writes(),
        plan.changes().size());
  }

  static String generate(String realm, int users, String firstRedirect) {
    StringBuilder y = new StringBuilder("realm: " + realm + "\nenabled: true\nroles:\n  realm:\n");
    for (int r = 0; r < ROLES; r++) {
      y.append("    - name: role-").append(r).append('\n');
    }
    y.append("clientScopes:\n");
    for (int s = 0; s < SCOPES; s++) {
      y.append("  - name: aud-")
          .append(s)
          .append("\n    protocolMappers:\n      - name: aud-")
          .append(s)
          .append(
              "\n        protocolMapper: oidc-audience-mapper\n        config: {included.custom.audience: api-")
          .append(s)
          .append(", access.token.claim: \"true\"}\n");
    }
    y.append("clients:\n");
    for (int c = 0; c < CLIENTS; c++) {
      y.append("  - clientId: app-")
          .append(c)
          .append("\n    secret: bench-secret-")
          .append(c)
          .append("\n    serviceAccountsEnabled: true\n    redirectUris: [\"")
          .append(c == 0 ? firstRedirect : "https://app-" + c + ".example.com/*")
          .append("\"]\n    defaultClientScopes: [basic, aud-")
          .append(c % SCOPES)
          .append("]\n");
    }
    y.append("users:\n");
    for (int u = 0; u < users; u++) {
      y.append("  - username: user-")
          .append(u)
          .append("\n    email: user-")
          .append(u)
          .append("@example.com\n    firstName: User\n    lastName: N")
          .append(u)
          .append("\n    credentials: [{type: password, value: bench-password-")
          .append(u)
          .append("}]\n    realmRoles: [role-")
          .append(u % ROLES)
          .append("]\n");
    }
    return y.toString();
  }
}
