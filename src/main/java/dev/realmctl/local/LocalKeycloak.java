package dev.realmctl.local;

import dev.realmctl.version.KeycloakVersion;
import dev.realmctl.version.SupportedVersions;
import dev.realmctl.version.VersionBehaviour;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.Map;
import java.util.Optional;

/**
 * The Keycloak server distribution run as a child process: in dev mode, on a free loopback port,
 * with its database in a folder of the caller's choosing; or in production mode as a node of a
 * cluster that {@link LocalCluster} configures.
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
      Path home,
      Path dataDir,
      Path logFile,
      String adminUser,
      String adminPassword,
      Optional<Production> production) {

    /** Dev mode, on an H2 file in {@code dataDir}. */
    public Options(Path home, Path dataDir, Path logFile, String adminUser, String adminPassword) {
      this(home, dataDir, logFile, adminUser, adminPassword, Optional.empty());
    }
  }

  /**
   * Production mode ({@code kc.sh start --optimized}) on a distribution already built for it. The
   * port is the caller's: nodes of one cluster share a hostname that names one of them.
   */
  public record Production(int httpPort, List<String> options, Map<String, String> environment) {}

  public static LocalKeycloak start(Options options) {
    Path script = options.home().resolve("bin/kc.sh");
    if (!Files.isExecutable(script)) {
      throw new IllegalStateException(
          "no Keycloak distribution at "
              + options.home()
              + ": run `mvn -B package -DskipTests` first");
    }
    VersionBehaviour version = VersionBehaviour.of(distributionVersion(options.home()));
    List<String> command = new ArrayList<>();
    command.add(script.toString());
    String url;
    if (options.production().isPresent()) {
      Production production = options.production().get();
      // Bound to loopback: plain HTTP is acceptable there only.
      url = "http://127.0.0.1:" + production.httpPort();
      command.addAll(
          List.of(
              "start",
              "--optimized",
              "--http-port=" + production.httpPort(),
              "--http-host=127.0.0.1"));
      command.addAll(production.options());
    } else {
      int port = FreePorts.one();
      url = "http://localhost:" + port;
      command.add("start-dev");
      command.add("--http-port=" + port);
      if (!version.devModeBindsLoopbackOnly()) {
        // Older dev modes listen on every interface: a throwaway admin login is not for the
        // network.
        command.add("--http-host=127.0.0.1");
      }
      command.addAll(version.managementPortOptions(FreePorts.one()));
      // Pinned so that `iss` does not depend on whether a client says localhost or 127.0.0.1.
      command.addAll(version.hostnameOptions(url));
      // H2 otherwise writes commits to disk up to a second late: a killed server loses changes it
      // acknowledged (measured: 8 of 37 created users survived), and a report of what was done
      // lies. Small cost: the benchmark's first apply of 1,000 users took 45.6 s with it, 43.4 s
      // without.
      command.add(
          "--db-url=jdbc:h2:file:"
              + options.dataDir().toAbsolutePath().resolve("keycloakdb")
              + ";NON_KEYWORDS=VALUE;WRITE_DELAY=0");
    }
    try {
      OwnerOnly.directory(options.dataDir());
      OwnerOnly.file(options.logFile());
      // What the server writes (H2's database, with every client secret) is the owner's only.
      ProcessBuilder builder =
          new ProcessBuilder(OwnerOnly.command(command)).redirectErrorStream(true);
      builder.redirectOutput(ProcessBuilder.Redirect.appendTo(options.logFile().toFile()));
      List<String> adminVariables = version.bootstrapAdminVariables();
      builder.environment().put(adminVariables.get(0), options.adminUser());
      builder.environment().put(adminVariables.get(1), options.adminPassword());
      options.production().ifPresent(p -> builder.environment().putAll(p.environment()));
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
   * Runs {@code kc.sh build} with the given build options, so that nodes start with {@code
   * --optimized} and never rebuild the distribution they share while another node runs from it.
   */
  public static void build(Path home, List<String> buildOptions, Path logFile) {
    List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "build"));
    command.addAll(buildOptions);
    try {
      Files.createDirectories(logFile.toAbsolutePath().getParent());
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .start();
      if (!process.waitFor(START_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("kc.sh build did not finish; see " + logFile);
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "kc.sh build failed (exit " + process.exitValue() + "); see " + logFile);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while building Keycloak", e);
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

  /** The server's processes (kc.sh execs java, so usually one), for measuring memory. */
  public List<ProcessHandle> processes() {
    return java.util.stream.Stream.concat(
            java.util.stream.Stream.of(process.toHandle()), process.descendants())
        .filter(ProcessHandle::isAlive)
        .toList();
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
