package dev.realmctl.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Keycloak's production topology on one machine: PostgreSQL and several nodes of one server
 * distribution in production mode, sharing the database and forming one Infinispan cluster through
 * Keycloak's default JDBC-based discovery (the {@code jdbc-ping} stack, the default from Keycloak
 * 26.1 on, so this needs 26.1 or newer; the project's default, 26.7.3, is what it is tested with).
 */
public final class LocalCluster implements AutoCloseable {
  /** Options {@code kc.sh build} bakes into the distribution; every node starts optimized. */
  static final List<String> BUILD_OPTIONS =
      List.of("--db=postgres", "--cache=ispn", "--cache-stack=jdbc-ping");

  private static final Duration VIEW_TIMEOUT = Duration.ofMinutes(2);

  private final Settings settings;
  private final LocalPostgres postgres;
  private final Path home;
  private final String clusterName;
  private final String hostname;
  private final List<Node> nodes;
  private final Duration startTime;

  /**
   * Where the server distribution is, where this cluster keeps its data and logs (emptied first:
   * every start is a new cluster), the bootstrap admin, and how many nodes.
   */
  public record Settings(
      Path distribution, Path workDir, String adminUser, String adminPassword, int nodeCount) {}

  /** One node: its name in the cluster, its ports, its server once started. */
  public static final class Node {
    private final String name;
    private final int httpPort;
    private final LocalKeycloak.Options options;
    private LocalKeycloak server;

    Node(String name, int httpPort, LocalKeycloak.Options options) {
      this.name = name;
      this.httpPort = httpPort;
      this.options = options;
    }

    public String name() {
      return name;
    }

    public String url() {
      return "http://127.0.0.1:" + httpPort;
    }

    public Path logFile() {
      return options.logFile();
    }

    public LocalKeycloak server() {
      return server;
    }

    /** Starts (or restarts, after a kill) this node on its ports and the shared database. */
    public synchronized Duration start() {
      if (server != null && server.isAlive()) {
        throw new IllegalStateException(name + " is running");
      }
      server = LocalKeycloak.start(options);
      return server.startTime();
    }

    /** As a crash would: kill -9 of the node's process tree. */
    public synchronized void kill() {
      server.kill();
    }

    synchronized void close() {
      if (server != null) {
        server.close();
      }
    }
  }

  private LocalCluster(
      Settings settings,
      LocalPostgres postgres,
      Path home,
      String clusterName,
      String hostname,
      List<Node> nodes,
      Duration startTime) {
    this.settings = settings;
    this.postgres = postgres;
    this.home = home;
    this.clusterName = clusterName;
    this.hostname = hostname;
    this.nodes = nodes;
    this.startTime = startTime;
  }

  public static LocalCluster start(Settings settings) {
    Instant started = Instant.now();
    Path work = settings.workDir().toAbsolutePath();
    try {
      deleteTree(work);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path home = builtCopy(settings.distribution(), work.getParent().resolve("keycloak-cluster"));
    // A name of its own per run: only nodes with the same name join, whatever else runs here.
    String clusterName = "realmctl-" + UUID.randomUUID().toString().substring(0, 8);
    LocalPostgres postgres = LocalPostgres.start(work.resolve("postgres"));
    List<Node> nodes = new ArrayList<>();
    try {
      List<Integer> httpPorts = new ArrayList<>();
      for (int i = 0; i < settings.nodeCount(); i++) {
        httpPorts.add(FreePorts.one());
      }
      // Every node issues tokens under one issuer, as behind a load balancer; locally the first
      // node stands in for the load balancer's URL.
      String hostname = "http://127.0.0.1:" + httpPorts.get(0);
      for (int i = 0; i < settings.nodeCount(); i++) {
        String name = "node-" + (char) ('a' + i);
        nodes.add(
            new Node(
                name,
                httpPorts.get(i),
                nodeOptions(
                    settings,
                    work,
                    home,
                    postgres,
                    clusterName,
                    hostname,
                    name,
                    httpPorts.get(i))));
      }
      // One after the other: the first creates the schema; on 2 cores, two JVMs starting at once
      // take as long as two in a row.
      for (Node node : nodes) {
        node.start();
      }
      awaitMembers(nodes.get(nodes.size() - 1), clusterName, settings.nodeCount());
      return new LocalCluster(
          settings,
          postgres,
          home,
          clusterName,
          hostname,
          nodes,
          Duration.between(started, Instant.now()));
    } catch (RuntimeException e) {
      nodes.forEach(Node::close);
      postgres.close();
      throw e;
    }
  }

  private static LocalKeycloak.Options nodeOptions(
      Settings settings,
      Path work,
      Path home,
      LocalPostgres postgres,
      String clusterName,
      String hostname,
      String name,
      int httpPort) {
    LocalPostgres.Database db = postgres.database();
    int transportPort = FreePorts.withNeighbour(100);
    List<String> options =
        List.of(
            "--hostname=" + hostname,
            "--http-enabled=true",
            "--db-url=" + db.jdbcUrl(),
            "--db-username=" + db.user(),
            // Nothing but loopback reaches these ports; the default 9000 and 7800 are other
            // servers' on a shared machine.
            "--http-management-port=" + FreePorts.one(),
            "--cache-embedded-network-bind-address=127.0.0.1",
            "--cache-embedded-network-bind-port=" + transportPort,
            "--spi-cache-embedded--default--cluster-name=" + clusterName,
            "--spi-cache-embedded--default--node-name=" + name);
    Map<String, String> environment =
        Map.of(
            // From the environment, not an argument: arguments show in ps.
            "KC_DB_PASSWORD",
            db.password(),
            // Keycloak's own default outside containers, stated so the README's figures hold.
            "JAVA_OPTS_KC_HEAP",
            "-Xms64m -Xmx512m");
    return new LocalKeycloak.Options(
        home,
        work.resolve(name),
        work.resolve(name + ".log"),
        settings.adminUser(),
        settings.adminPassword(),
        java.util.Optional.of(new LocalKeycloak.Production(httpPort, options, environment)));
  }

  /**
   * A copy of the distribution, built once for the cluster: the build rewrites the distribution,
   * which dev-mode servers of the same build may be running from.
   */
  static Path builtCopy(Path distribution, Path copies) {
    Path home = copies.resolve(distribution.getFileName());
    Path marker = home.resolve(".realmctl-build");
    String wanted = String.join(" ", BUILD_OPTIONS);
    try {
      if (Files.exists(marker) && Files.readString(marker).equals(wanted)) {
        return home;
      }
      deleteTree(home);
      copyTree(distribution, home);
      LocalKeycloak.build(home, BUILD_OPTIONS, copies.resolve("build.log"));
      Files.writeString(marker, wanted);
      return home;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until {@code node}'s log shows a cluster view of {@code members} members. */
  private static void awaitMembers(Node node, String clusterName, int members) {
    Pattern view =
        Pattern.compile(
            "cluster view for channel "
                + Pattern.quote(clusterName)
                + ": \\S+ \\("
                + members
                + "\\)");
    Instant deadline = Instant.now().plus(VIEW_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      try (Stream<String> lines = Files.lines(node.logFile())) {
        if (lines.anyMatch(line -> view.matcher(line).find())) {
          return;
        }
      } catch (IOException | UncheckedIOException e) {
        // Not written yet.
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the cluster view", e);
      }
    }
    throw new IllegalStateException(
        "no cluster view of "
            + members
            + " nodes within "
            + VIEW_TIMEOUT
            + "; see "
            + node.logFile());
  }

  public List<Node> nodes() {
    return nodes;
  }

  public Node node(int index) {
    return nodes.get(index);
  }

  public String hostname() {
    return hostname;
  }

  public String clusterName() {
    return clusterName;
  }

  public LocalPostgres postgres() {
    return postgres;
  }

  public Path home() {
    return home;
  }

  public Settings settings() {
    return settings;
  }

  /** From the first command to a cluster view of all nodes. */
  public Duration startTime() {
    return startTime;
  }

  @Override
  public void close() {
    nodes.forEach(Node::close);
    postgres.close();
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private static void deleteTree(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(path)) {
      for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
