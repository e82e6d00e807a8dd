package dev.realmctl.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * What {@code up} runs: one Keycloak in dev mode, or the production topology (PostgreSQL and two
 * nodes in one cluster), with the state of either under one folder.
 */
public final class LocalStack implements AutoCloseable {
  private final String url;
  private final List<String> nodes;
  private final String issuerBase;
  private final AutoCloseable servers;
  private boolean closed;

  private LocalStack(String url, List<String> nodes, String issuerBase, AutoCloseable servers) {
    this.url = url;
    this.nodes = nodes;
    this.issuerBase = issuerBase;
    this.servers = servers;
  }

  /**
   * Which distribution, where the state goes, which topology, and the bootstrap admin's password
   * (the admin is {@link UpSecrets#ADMIN_USER}).
   */
  public record Settings(Path distribution, Path stateDir, boolean cluster, String adminPassword) {}

  /** Starts the servers; {@code progress} hears what is starting and where it ended up. */
  public static LocalStack start(Settings settings, Consumer<String> progress) {
    return settings.cluster() ? startCluster(settings, progress) : startOne(settings, progress);
  }

  /** The distribution the build unpacked under {@code target/}, of the version realmctl is for. */
  public static Path bundledDistribution() {
    Properties build = new Properties();
    try (InputStream in = LocalStack.class.getResourceAsStream("/realmctl-build.properties")) {
      build.load(in);
    } catch (IOException | NullPointerException e) {
      throw new UncheckedIOException(
          new IOException("realmctl-build.properties missing from the jar"));
    }
    return Path.of("target/keycloak-dist/keycloak-" + build.getProperty("keycloak.version"));
  }

  private static LocalStack startOne(Settings settings, Consumer<String> progress) {
    progress.accept(
        "Starting Keycloak from "
            + settings.distribution()
            + " (about 30-60 s the first time) ...");
    LocalKeycloak keycloak =
        LocalKeycloak.start(
            new LocalKeycloak.Options(
                settings.distribution(),
                settings.stateDir().resolve("keycloak-data"),
                settings.stateDir().resolve("keycloak.log"),
                UpSecrets.ADMIN_USER,
                settings.adminPassword()));
    progress.accept(
        "Keycloak is up at "
            + keycloak.url()
            + " (started in "
            + keycloak.startTime().toSeconds()
            + " s).");
    return new LocalStack(keycloak.url(), List.of(keycloak.url()), keycloak.url(), keycloak);
  }

  private static LocalStack startCluster(Settings settings, Consumer<String> progress) {
    progress.accept(
        "Starting PostgreSQL and two Keycloak nodes from "
            + settings.distribution()
            + " (about 2-4 min, one more the first time: the distribution is built for PostgreSQL) ...");
    LocalCluster cluster =
        LocalCluster.start(
            new LocalCluster.Settings(
                settings.distribution(),
                settings.stateDir().resolve("cluster"),
                UpSecrets.ADMIN_USER,
                settings.adminPassword(),
                2));
    for (LocalCluster.Node node : cluster.nodes()) {
      progress.accept(
          "Keycloak "
              + node.name()
              + " is up at "
              + node.url()
              + " (started in "
              + node.server().startTime().toSeconds()
              + " s; log "
              + node.logFile()
              + ").");
    }
    progress.accept(
        "Cluster "
            + cluster.clusterName()
            + " formed in "
            + cluster.startTime().toSeconds()
            + " s, on PostgreSQL at 127.0.0.1:"
            + cluster.postgres().port()
            + " (data in "
            + cluster.postgres().dataDir()
            + ").");
    List<String> nodes = cluster.nodes().stream().map(LocalCluster.Node::url).toList();
    return new LocalStack(nodes.get(0), nodes, cluster.hostname(), cluster);
  }

  /** Where to send requests: the only server, or the first node. */
  public String url() {
    return url;
  }

  /** Every node's URL; one for a single server. */
  public List<String> nodes() {
    return nodes;
  }

  /** The URL tokens carry in {@code iss}, before {@code /realms/...}. */
  public String issuerBase() {
    return issuerBase;
  }

  public boolean isCluster() {
    return nodes.size() > 1;
  }

  /** Stops every server; a second call (Ctrl-C after a stop) does nothing. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      servers.close();
    } catch (Exception e) {
      throw new IllegalStateException("stopping the local servers failed: " + e.getMessage(), e);
    }
  }
}
