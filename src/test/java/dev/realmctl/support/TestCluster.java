package dev.realmctl.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.realmctl.keycloak.Connection;
import dev.realmctl.local.LocalCluster;
import dev.realmctl.local.LocalPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The one cluster of a test run (PostgreSQL and two Keycloak nodes), shared by the cluster tests,
 * each in its own realm. Needs Debian's postgresql package and Keycloak 26.1 or newer, whose
 * default discovery is jdbc-ping; the project tests it with its default, 26.7.3.
 */
public final class TestCluster {
  private static LocalCluster cluster;
  private static String adminPassword;

  private TestCluster() {}

  /** The running cluster, started on first use. A test that kills a node starts it again. */
  public static synchronized LocalCluster get() {
    assumeSupported();
    if (cluster == null) {
      Path home = Path.of(System.getProperty("realmctl.keycloak.home"));
      Path work =
          home.getParent().getParent().resolve("it-cluster/run-" + System.currentTimeMillis());
      adminPassword = "it-" + UUID.randomUUID();
      LeakScanInput.record(List.of(adminPassword));
      cluster =
          LocalCluster.start(new LocalCluster.Settings(home, work, "admin", adminPassword, 2));
      Runtime.getRuntime().addShutdownHook(new Thread(cluster::close));
      System.out.printf(
          "Cluster %s started in %d ms (postgres %d ms; %s)%n",
          cluster.clusterName(),
          cluster.startTime().toMillis(),
          cluster.postgres().startTime().toMillis(),
          String.join(
              ", ",
              cluster.nodes().stream()
                  .map(
                      n ->
                          n.name()
                              + " "
                              + n.url()
                              + " "
                              + n.server().startTime().toMillis()
                              + " ms")
                  .toList()));
      memoryFigure("after start");
    }
    return cluster;
  }

  /** RSS of each node, PSS of PostgreSQL's processes together. */
  public static void memoryFigure(String when) {
    StringBuilder line = new StringBuilder("memory " + when + ":");
    for (LocalCluster.Node node : cluster.nodes()) {
      line.append(" ")
          .append(node.name())
          .append(" RSS ")
          .append(Memory.rssMib(node.server().processes()))
          .append(" MiB;");
    }
    var postgres = cluster.postgres().processes();
    line.append(" postgres ")
        .append(postgres.size())
        .append(" processes, PSS ")
        .append(Memory.pssMib(postgres))
        .append(" MiB (RSS summed ")
        .append(Memory.rssMib(postgres))
        .append(" MiB)");
    ClusterSpecs.figure(line.toString());
  }

  public static String nodeA() {
    return get().node(0).url();
  }

  public static String nodeB() {
    return get().node(1).url();
  }

  public static String adminPassword() {
    get();
    return adminPassword;
  }

  /** realmctl's environment in a pipeline that talks to {@code url}. */
  public static Map<String, String> environment(String url) {
    Map<String, String> env = new HashMap<>(TestSecrets.ofRun().values());
    env.put("KEYCLOAK_URL", url);
    env.put("KEYCLOAK_USER", "admin");
    env.put("KEYCLOAK_PASSWORD", adminPassword());
    return env;
  }

  public static Connection connect(String url) {
    return Connection.open(Connection.Settings.password(url, "admin", adminPassword()));
  }

  public static org.keycloak.admin.client.Keycloak admin(String url) {
    return org.keycloak.admin.client.Keycloak.getInstance(
        url, "master", "admin", adminPassword(), "admin-cli");
  }

  private static void assumeSupported() {
    String home = System.getProperty("realmctl.keycloak.home", "missing");
    assumeTrue(Files.isDirectory(Path.of(home)), "needs the unpacked server distribution");
    assumeTrue(
        LocalPostgres.binaries().isPresent(),
        "needs PostgreSQL: apt-get install postgresql (.ci/run installs it)");
    String version = System.getProperty("realmctl.keycloak.version", "0");
    String[] parts = version.split("\\.");
    int major = Integer.parseInt(parts[0]);
    int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
    assumeTrue(
        major > 26 || (major == 26 && minor >= 1),
        "the cluster tests need Keycloak 26.1+ (jdbc-ping discovery by default); tested on 26.7.3");
  }
}
