package dev.realmctl.support;

import dev.realmctl.keycloak.Connection;
import dev.realmctl.local.LocalKeycloak;
import dev.realmctl.version.VersionBehaviour;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * The one Keycloak of a test run, shared by every test and scenario, each working in its own realm.
 * In order of preference: {@code KEYCLOAK_URL} (an existing server), the server distribution
 * unpacked by the build and started as a child process, or testcontainers-keycloak when there is no
 * distribution but a Docker engine.
 */
public final class TestKeycloak {
  private static TestKeycloak instance;

  private final String url;
  private final String adminUser;
  private final String adminPassword;
  private final Optional<LocalKeycloak> local;

  private TestKeycloak(
      String url, String adminUser, String adminPassword, Optional<LocalKeycloak> local) {
    this.url = url;
    this.adminUser = adminUser;
    this.adminPassword = adminPassword;
    this.local = local;
  }

  public static synchronized TestKeycloak get() {
    if (instance == null) {
      instance = start();
    }
    return instance;
  }

  private static TestKeycloak start() {
    String external = System.getenv("KEYCLOAK_URL");
    if (external != null && !external.isBlank()) {
      return new TestKeycloak(
          external,
          Optional.ofNullable(System.getenv("KEYCLOAK_USER")).orElse("admin"),
          Optional.ofNullable(System.getenv("KEYCLOAK_PASSWORD")).orElse("admin"),
          Optional.empty());
    }
    Path home =
        Path.of(System.getProperty("realmctl.keycloak.home", "target/keycloak-dist/missing"));
    if (!Files.isDirectory(home) && DockerKeycloak.available()) {
      return DockerKeycloak.start();
    }
    Path target = home.getParent().getParent();
    String password = "it-" + UUID.randomUUID();
    LeakScanInput.record(java.util.List.of(password));
    LocalKeycloak keycloak =
        LocalKeycloak.start(
            new LocalKeycloak.Options(
                home,
                target.resolve("it-keycloak/data-" + System.currentTimeMillis()),
                target.resolve("it-keycloak/keycloak.log"),
                "admin",
                password));
    Runtime.getRuntime().addShutdownHook(new Thread(keycloak::close));
    System.out.printf(
        "Keycloak started at %s in %d ms%n", keycloak.url(), keycloak.startTime().toMillis());
    return new TestKeycloak(keycloak.url(), "admin", password, Optional.of(keycloak));
  }

  static TestKeycloak of(String url, String adminUser, String adminPassword) {
    return new TestKeycloak(url, adminUser, adminPassword, Optional.empty());
  }

  public String url() {
    return url;
  }

  public String adminUser() {
    return adminUser;
  }

  public String adminPassword() {
    return adminPassword;
  }

  public Optional<LocalKeycloak> local() {
    return local;
  }

  private VersionBehaviour behaviour;

  /**
   * How the server's version behaves, as realmctl reads it: tests that expect something only some
   * versions do ask here, never compare version numbers themselves.
   */
  public synchronized VersionBehaviour behaviour() {
    if (behaviour == null) {
      try (Connection connection = connect()) {
        behaviour = connection.behaviour();
      }
    }
    return behaviour;
  }

  public Connection connect() {
    return Connection.open(Connection.Settings.password(url, adminUser, adminPassword));
  }
}
