package dev.realmctl.bench;

import dev.realmctl.keycloak.Connection;
import dev.realmctl.support.Admin;
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
 * no-op plan and apply, one changed redirect URI, and Keycloak's own partial import of the same
 * content into a second realm, the yardstick for the first apply.
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
            folder.resolve("bench.yaml"),
            new BenchRealm(CLIENTS, SCOPES, ROLES, users)
                .yaml(realm, "https://app-0.example.com/*"));
    Path changed =
        Files.writeString(
            folder.resolve("bench-changed.yaml"),
            new BenchRealm(CLIENTS, SCOPES, ROLES, users)
                .yaml(realm, "https://app-0.example.com/v2/*"));

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
    try (Admin admin = Admin.of(TestKeycloak.get())) {
      report.append(KeycloakImportStep.run(admin, realm + "-import", Files.readString(spec)));
    }
    System.out.print(report);
    Files.writeString(folder.resolve("report-" + users + ".txt"), report);
  }
}
