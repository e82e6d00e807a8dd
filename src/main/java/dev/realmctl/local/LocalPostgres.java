package dev.realmctl.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of Debian's {@code postgresql} package in a data directory of its own, on a
 * free loopback port, with one database for Keycloak. As root, it runs as the {@code postgres} user
 * the package creates, in a folder that user owns ({@link PostgresUser}).
 */
public final class LocalPostgres implements AutoCloseable {
  private static final Path INSTALLS = Path.of("/usr/lib/postgresql");
  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);

  private final Path bin;
  private final Path dataDir;
  private final Optional<Path> temporary;
  private final int port;
  private final Database database;
  private final Duration startTime;

  /** How Keycloak reaches its database. */
  public record Database(String jdbcUrl, String user, String password) {}

  private LocalPostgres(
      Path bin,
      Path dataDir,
      Optional<Path> temporary,
      int port,
      Database database,
      Duration startTime) {
    this.bin = bin;
    this.dataDir = dataDir;
    this.temporary = temporary;
    this.port = port;
    this.database = database;
    this.startTime = startTime;
  }

  /** The newest installed server's programs, if Debian's package is installed. */
  public static Optional<Path> binaries() {
    if (!Files.isDirectory(INSTALLS)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(INSTALLS)) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(Comparator.comparing(LocalPostgres::majorVersion));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int majorVersion(Path bin) {
    try {
      return Integer.parseInt(bin.getParent().getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * Creates a fresh cluster and starts it: in {@code home} (which must not exist yet), or as root
   * in a private folder the postgres user owns (see {@link PostgresUser}), removed at {@link
   * #close}.
   */
  public static LocalPostgres start(Path home) {
    Path bin =
        binaries()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "PostgreSQL is not installed: apt-get install postgresql"));
    Instant started = Instant.now();
    try {
      Path files =
          PostgresUser.home(home.toAbsolutePath(), Path.of(System.getProperty("java.io.tmpdir")));
      Optional<Path> temporary = PostgresUser.isRoot() ? Optional.of(files) : Optional.empty();
      try {
        return startIn(bin, files, temporary, started);
      } catch (RuntimeException e) {
        // Kept on failure: its log says why.
        throw new IllegalStateException(e.getMessage() + " (PostgreSQL's files: " + files + ")", e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static LocalPostgres startIn(
      Path bin, Path files, Optional<Path> temporary, Instant started) throws IOException {
    Path data = files.resolve("data");
    // The socket and the log live beside the data, in a folder postgres may write (not /run,
    // which belongs to the system's own server).
    Path sockets = files.resolve("run");
    for (Path folder : List.of(data, sockets)) {
      Files.createDirectory(folder);
      PostgresUser.own(folder);
    }
    run(bin, "initdb", "-D", data.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8");
    // Trust is for the local socket only: Keycloak connects over TCP with a password.
    Files.writeString(
        data.resolve("pg_hba.conf"),
        "local all all trust\nhost all all 127.0.0.1/32 scram-sha-256\n");
    int port = FreePorts.one();
    run(
        bin,
        "pg_ctl",
        "-D",
        data.toString(),
        "-l",
        sockets.resolve("postgres.log").toString(),
        "-w",
        "-t",
        "120",
        "-o",
        "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + sockets,
        "start");
    String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    // On standard input, not as an argument: `ps` shows arguments to everyone on the machine.
    runWithInput(
        bin,
        "CREATE ROLE keycloak LOGIN PASSWORD '"
            + password
            + "';\nCREATE DATABASE keycloak OWNER keycloak;\n",
        "psql",
        "-q",
        "-h",
        sockets.toString(),
        "-p",
        String.valueOf(port),
        "-U",
        "postgres",
        "-v",
        "ON_ERROR_STOP=1");
    Database database =
        new Database("jdbc:postgresql://127.0.0.1:" + port + "/keycloak", "keycloak", password);
    return new LocalPostgres(
        bin, data, temporary, port, database, Duration.between(started, Instant.now()));
  }

  public Database database() {
    return database;
  }

  public int port() {
    return port;
  }

  public Duration startTime() {
    return startTime;
  }

  /** The server's processes: the postmaster and its children, for measuring memory. */
  public List<ProcessHandle> processes() {
    try {
      long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0));
      return ProcessHandle.of(pid)
          .map(p -> Stream.concat(Stream.of(p), p.descendants()).toList())
          .orElse(List.of());
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  /** Where the database's files are (initdb's data directory). */
  public Path dataDir() {
    return dataDir;
  }

  /** A fast shutdown: open sessions are cut, nothing committed is lost. */
  @Override
  public void close() {
    if (Files.exists(dataDir.resolve("postmaster.pid"))) {
      run(bin, "pg_ctl", "-D", dataDir.toString(), "-m", "fast", "-w", "stop");
    }
    temporary.ifPresent(LocalPostgres::deleteTree);
  }

  private static void deleteTree(Path path) {
    try (Stream<Path> paths = Files.walk(path)) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void run(Path bin, String program, String... args) {
    runWithInput(bin, "", program, args);
  }

  private static void runWithInput(Path bin, String input, String program, String... args) {
    List<String> command = new ArrayList<>(PostgresUser.commandPrefix());
    command.add(bin.resolve(program).toString());
    command.addAll(List.of(args));
    try {
      // A file, not a pipe: the server pg_ctl starts could inherit a pipe and keep it open.
      Path output = Files.createTempFile("realmctl-" + program, ".out");
      try {
        Process process =
            new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                // The working directory must be readable by postgres, which /root is not.
                .directory(Path.of("/").toFile())
                .start();
        try (var stdin = process.getOutputStream()) {
          stdin.write(input.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException(program + " did not finish within " + COMMAND_TIMEOUT);
        }
        if (process.exitValue() != 0) {
          throw new IllegalStateException(
              program
                  + " failed (exit "
                  + process.exitValue()
                  + "): "
                  + (input.isEmpty()
                      ? Files.readString(output).strip()
                      : "output withheld, it may echo a password"));
        }
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + program, e);
    }
  }
}
