package dev.realmctl.keycloak;

import dev.realmctl.version.KeycloakVersion;
import dev.realmctl.version.SupportedVersions;
import dev.realmctl.version.VersionBehaviour;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Keycloak server distribution run as a child process in dev mode, on a free loopback port,
 * with its database in a folder of the caller's choosing.
 */
public final class LocalKeycloak implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
  private final Process process;
  private final String url;
  private final Duration startTime;

  private LocalKeycloak(Process process, String url, Duration startTime) {
    this.process = process;
    this.url = url;
    this.startTime = startTime;
  }

  public record Options(
      Path home, Path dataDir, Path logFile, String adminUser, String adminPassword) {}

  public static LocalKeycloak start(Options options) {
    Path script = options.home().resolve("bin/kc.sh");
    if (!Files.isExecutable(script)) {
      throw new IllegalStateException(
          "no Keycloak distribution at "
              + options.home()
              + ": run `mvn -B package -DskipTests` first");
    }
    VersionBehaviour version = VersionBehaviour.of(distributionVersion(options.home()));
    int port = freePort();
    String url = "http://localhost:" + port;
    List<String> command = new ArrayList<>();
    command.add(script.toString());
    command.add("start-dev");
    command.add("--http-port=" + port);
    if (!version.devModeBindsLoopbackOnly()) {
      // Older dev modes listen on every interface: a throwaway admin login is not for the network.
      command.add("--http-host=127.0.0.1");
    }
    command.addAll(version.managementPortOptions(freePort()));
    // Pinned so that `iss` does not depend on whether a client says localhost or 127.0.0.1.
    command.addAll(version.hostnameOptions(url));
    // H2 otherwise writes commits to disk up to a second late: a killed server loses changes it
    // acknowledged (measured: 8 of 37 created users survived), and a report of what was done lies.
    // Small cost: the benchmark's first apply of 1,000 users took 45.6 s with it, 43.4 s without.
    command.add(
        "--db-url=jdbc:h2:file:"
            + options.dataDir().toAbsolutePath().resolve("keycloakdb")
            + ";NON_KEYWORDS=VALUE;WRITE_DELAY=0");
    try {
      Files.createDirectories(options.dataDir());
      Files.createDirectories(options.logFile().toAbsolutePath().getParent());
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.redirectOutput(ProcessBuilder.Redirect.appendTo(options.logFile().toFile()));
      List<String> adminVariables = version.bootstrapAdminVariables();
      builder.environment().put(adminVariables.get(0), options.adminUser());
      builder.environment().put(adminVariables.get(1), options.adminPassword());
      Instant started = Instant.now();
      Process process = builder.start();
      LocalKeycloak keycloak = new LocalKeycloak(process, url, Duration.ZERO);
      try {
        keycloak.awaitReady(options.logFile());
      } catch (RuntimeException e) {
        keycloak.close();
        throw e;
      }
      return new LocalKeycloak(process, url, Duration.between(started, Instant.now()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The version of an unpacked distribution, from its {@code version.txt} ("Keycloak - Version
   * 26.0.8"), else from its folder name ({@code keycloak-26.0.8}), else the newest tested.
   */
  public static KeycloakVersion distributionVersion(Path home) {
    try {
      Path file = home.resolve("version.txt");
      if (Files.isRegularFile(file)) {
        String text = Files.readString(file).strip();
        Optional<KeycloakVersion> version =
            KeycloakVersion.parse(text.substring(text.lastIndexOf(' ') + 1));
        if (version.isPresent()) {
          return version.get();
        }
      }
    } catch (IOException e) {
      // Fall through to the folder name.
    }
    String name = String.valueOf(home.toAbsolutePath().normalize().getFileName());
    return KeycloakVersion.parse(name.replaceFirst("^keycloak-", ""))
        .orElseGet(SupportedVersions::newestTested);
  }

  public String url() {
    return url;
  }

  public Duration startTime() {
    return startTime;
  }

  private void awaitReady(Path logFile) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest probe =
        HttpRequest.newBuilder(URI.create(url + "/realms/master"))
            .timeout(Duration.ofSeconds(5))
            .build();
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Keycloak exited with " + process.exitValue() + " while starting; see " + logFile);
      }
      try {
        if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for Keycloak", e);
      }
      sleep(Duration.ofMillis(500));
    }
    throw new IllegalStateException(
        "Keycloak did not answer within " + START_TIMEOUT + "; see " + logFile);
  }

  /** Stops the server and every process it started, and waits for them. */
  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Kills the server without a chance to finish anything, as a crash would. */
  public void kill() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
