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
  private static final BenchRealm TENANT = new BenchRealm(CLIENTS, SCOPES, 0, USERS);

  @Test
  void bench() throws IOException {
    int realms = Integer.getInteger("bench.realms", 200);
    Path folder = Path.of("target/bench-realms");
    String prefix = Specs.uniqueName("tenant");
    Files.createDirectories(folder);
    for (int r = 0; r < realms; r++) {
      Files.writeString(
          folder.resolve(r + ".yaml"),
          TENANT.yaml(prefix + "-" + r, "https://app-0.example.com/v1/*"));
    }
    List<RealmSpec> specs = Specs.load(files(folder, realms));
    Path changedFile =
        Files.writeString(
            folder.resolve("changed.yaml"),
            TENANT.yaml(prefix + "-7", "https://app-0.example.com/v2/*"));
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
}
