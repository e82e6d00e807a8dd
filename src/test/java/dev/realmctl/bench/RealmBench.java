package dev.realmctl.bench;

import dev.realmctl.keycloak.Connection;
import dev.realmctl.support.Specs;
import dev.realmctl.support.TestKeycloak;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    report.append(BenchStep.header());
    try (Connection connection = TestKeycloak.get().connect()) {
      report.append(BenchStep.run("first apply", connection, Specs.load(spec), true));
      report.append(BenchStep.run("no-op plan", connection, Specs.load(spec), false));
      report.append(BenchStep.run("no-op apply", connection, Specs.load(spec), true));
      report.append(
          BenchStep.run("one change (plan+apply)", connection, Specs.load(changed), true));
    }
    System.out.print(report);
    Files.writeString(folder.resolve("report-" + users + ".txt"), report);
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
