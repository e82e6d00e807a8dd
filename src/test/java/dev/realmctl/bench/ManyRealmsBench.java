package dev.realmctl.bench;

import dev.realmctl.keycloak.Connection;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.support.Specs;
import dev.realmctl.support.TestKeycloak;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Not part of {@code mvn verify}: run with {@code mvn -B verify -Pbench -Dit.test=ManyRealmsBench
 * [-Dbench.realms=200]}. A realm per tenant, as teams that give each customer a realm run them: N
 * small realms (3 clients, 2 audience scopes, 10 users each) in one folder; reports wall time and
 * admin requests of a first apply, a no-op plan, and one change in one realm.
 */
class ManyRealmsBench {
  private static final int CLIENTS = 3;
  private static final int SCOPES = 2;
  private static final int USERS = 10;

  @Test
  void bench() throws IOException {
    int realms = Integer.getInteger("bench.realms", 200);
    Path folder = Path.of("target/bench-realms");
    String prefix = Specs.uniqueName("tenant");
    Files.createDirectories(folder);
    for (int r = 0; r < realms; r++) {
      Files.writeString(folder.resolve(r + ".yaml"), generate(prefix + "-" + r, "v1"));
    }
    List<RealmSpec> specs = Specs.load(files(folder, realms));
    Path changedFile =
        Files.writeString(folder.resolve("changed.yaml"), generate(prefix + "-7", "v2"));
    List<RealmSpec> changed =
        specs.stream()
            .map(s -> s.realm().equals(prefix + "-7") ? Specs.load(changedFile).get(0) : s)
            .toList();

    StringBuilder report = new StringBuilder();
    report.append(
        String.format(
            "%d realms, each: %d clients, %d scopes, %d users%n", realms, CLIENTS, SCOPES, USERS));
    report.append(BenchStep.header());
    try (Connection connection = TestKeycloak.get().connect()) {
      report.append(BenchStep.run("first apply", connection, specs, true));
      report.append(BenchStep.run("no-op plan", connection, specs, false));
      report.append(BenchStep.run("one realm changed (apply)", connection, changed, true));
    }
    System.out.print(report);
    Files.writeString(folder.resolve("report-" + realms + ".txt"), report);
  }

  private static Path[] files(Path folder, int realms) {
    Path[] files = new Path[realms];
    for (int r = 0; r < realms; r++) {
      files[r] = folder.resolve(r + ".yaml");
    }
    return files;
  }

  private static String generate(String realm, String version) {
    StringBuilder y = new StringBuilder("realm: " + realm + "\nclientScopes:\n");
    for (int s = 0; s < SCOPES; s++) {
      y.append("  - name: aud-")
          .append(s)
          .append("\n    protocolMappers:\n      - name: aud-")
          .append(s)
          .append("\n        protocolMapper: oidc-audience-mapper\n")
          .append("        config: {included.custom.audience: api-")
          .append(s)
          .append(", access.token.claim: \"true\"}\n");
    }
    y.append("clients:\n");
    for (int c = 0; c < CLIENTS; c++) {
      y.append("  - clientId: app-")
          .append(c)
          .append("\n    secret: tenant-secret-")
          .append(c)
          .append("\n    serviceAccountsEnabled: true\n    redirectUris: [\"https://app-")
          .append(c)
          .append(".example.com/")
          .append(c == 0 ? version : "v1")
          .append("/*\"]\n    defaultClientScopes: [basic, aud-")
          .append(c % SCOPES)
          .append("]\n");
    }
    y.append("users:\n");
    for (int u = 0; u < USERS; u++) {
      y.append("  - username: user-")
          .append(u)
          .append("\n    email: user-")
          .append(u)
          .append("@example.com\n    firstName: User\n    lastName: N")
          .append(u)
          .append("\n    credentials: [{type: password, value: tenant-password-")
          .append(u)
          .append("}]\n");
    }
    return y.toString();
  }
}
