package dev.realmctl.keycloak;

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
    int port = freePort();
    String url = "http://localhost:" + port;
    List<String> command = new ArrayList<>();
    command.add(script.toString());
    command.add("start-dev");
    command.add("--http-port=" + port);
    // Pinned so that `iss` does not depend on whether a client says localhost or 127.0.0.1.
    command.add("--hostname=" + url);
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
      builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", options.adminUser());
      builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", options.adminPassword());
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
