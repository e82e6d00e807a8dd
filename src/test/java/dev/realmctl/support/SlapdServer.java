package dev.realmctl.support;

import dev.realmctl.local.TestPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.naming.NamingException;

/**
 * OpenLDAP's {@code slapd} from Debian's package, for {@code mvn verify -Pslapd}: a configuration
 * of its own in a temporary folder, on a free loopback port, as a child process of the test JVM.
 * Nothing of the system's slapd (its configuration, its database, a daemon on port 389) is used.
 */
final class SlapdServer implements LdapServer {
  static final Path SLAPD = Path.of("/usr/sbin/slapd");
  private static final Path SLAPADD = Path.of("/usr/sbin/slapadd");
  private static final Path SCHEMAS = Path.of("/etc/ldap/schema");
  private static final Path MODULES = Path.of("/usr/lib/ldap");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final Path folder;
  private final String rootDn;
  private final String rootPassword;
  private Process slapd;
  private int port;
  private boolean closed;

  private SlapdServer(Path folder, String rootDn, String rootPassword) {
    this.folder = folder;
    this.rootDn = rootDn;
    this.rootPassword = rootPassword;
  }

  static SlapdServer start(String baseDn, String rootDn, String rootPassword) {
    if (!Files.isExecutable(SLAPD) || !Files.isExecutable(SLAPADD)) {
      throw new IllegalStateException(
          SLAPD
              + " not found: -Pslapd needs Debian's packages slapd and ldap-utils"
              + " (apt-get install -y --no-install-recommends slapd ldap-utils); without -Pslapd"
              + " the tests use UnboundID's in-memory server");
    }
    Path folder;
    try {
      // Owner-only (0700) on POSIX: slapd runs as this user (no -u/-g), so it can read it.
      folder = Files.createTempDirectory("realmctl-ldap-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SlapdServer server = new SlapdServer(folder, rootDn, rootPassword);
    try {
      server.configure(baseDn);
      server.launch();
      return server;
    } catch (RuntimeException | Error e) {
      server.close();
      throw e;
    }
  }

  @Override
  public String name() {
    return "slapd";
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public Optional<ProcessHandle> process() {
    return Optional.ofNullable(slapd).map(Process::toHandle);
  }

  private String url() {
    return "ldap://127.0.0.1:" + port;
  }

  private void configure(String baseDn) {
    Path config = folder.resolve("slapd.d");
    Path data = folder.resolve("data");
    try {
      Files.createDirectories(config);
      Files.createDirectories(data);
      String ldif =
          """
          dn: cn=config
          objectClass: olcGlobal
          cn: config
          olcPidFile: %1$s/slapd.pid
          olcArgsFile: %1$s/slapd.args

          dn: cn=module{0},cn=config
          objectClass: olcModuleList
          cn: module{0}
          olcModulePath: %2$s
          olcModuleLoad: back_mdb

          dn: cn=schema,cn=config
          objectClass: olcSchemaConfig
          cn: schema

          include: file://%3$s/core.ldif

          include: file://%3$s/cosine.ldif

          include: file://%3$s/inetorgperson.ldif

          include: file://%3$s/nis.ldif

          dn: olcDatabase={-1}frontend,cn=config
          objectClass: olcDatabaseConfig
          objectClass: olcFrontendConfig
          olcDatabase: {-1}frontend

          dn: olcDatabase={0}config,cn=config
          objectClass: olcDatabaseConfig
          olcDatabase: {0}config
          olcAccess: {0}to * by * none

          dn: olcDatabase={1}mdb,cn=config
          objectClass: olcDatabaseConfig
          objectClass: olcMdbConfig
          olcDatabase: {1}mdb
          olcSuffix: %4$s
          olcRootDN: %5$s
          olcRootPW: %6$s
          olcDbDirectory: %7$s
          olcDbIndex: objectClass eq
          olcDbIndex: uid eq
          olcAccess: {0}to attrs=userPassword by self write by anonymous auth by * none
          olcAccess: {1}to * by users read by * none
          """
              .formatted(
                  folder, MODULES, SCHEMAS, baseDn, rootDn, LocalLdap.ssha(rootPassword), data);
      Path file = Files.writeString(folder.resolve("config.ldif"), ldif);
      run(SLAPADD.toString(), "-n0", "-F", config.toString(), "-l", file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts slapd on a free port; another process may take the port first, so up to 3 tries. */
  private void launch() {
    IllegalStateException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      port = TestPorts.free();
      Path log = folder.resolve("slapd.log");
      try {
        // -d 0: stay in the foreground (no fork), so the process is slapd itself; no -u/-g.
        slapd =
            new ProcessBuilder(
                    SLAPD.toString(),
                    "-h",
                    url() + "/",
                    "-F",
                    folder.resolve("slapd.d").toString(),
                    "-d",
                    "0")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      try {
        awaitBind();
        return;
      } catch (IllegalStateException e) {
        last = e;
        stopProcess();
      }
    }
    throw last;
  }

  private void awaitBind() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    NamingException failure = null;
    while (System.nanoTime() < deadline) {
      if (!slapd.isAlive()) {
        throw new IllegalStateException(
            "slapd exited with " + slapd.exitValue() + " on port " + port + ": " + logTail());
      }
      try {
        LocalLdap.connect(url(), rootDn, rootPassword).close();
        return;
      } catch (NamingException e) {
        failure = e;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for slapd", e);
      }
    }
    throw new IllegalStateException(
        "slapd did not accept a bind within "
            + START_TIMEOUT.toSeconds()
            + " s on port "
            + port
            + " (last: "
            + (failure == null ? "none" : failure.getMessage())
            + "): "
            + logTail());
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    stopProcess();
    deleteFolder();
  }

  private void stopProcess() {
    if (slapd == null) {
      return;
    }
    slapd.destroy(); // SIGTERM: slapd shuts down cleanly
    try {
      if (!slapd.waitFor(10, TimeUnit.SECONDS)) {
        slapd.destroyForcibly();
        slapd.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      slapd.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private void deleteFolder() {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      System.err.println("could not remove " + folder + ": " + e.getMessage());
    }
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(folder.resolve("slapd.log"));
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private void run(String... command) throws IOException {
    Path log = folder.resolve("slapadd.log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(command[0] + " did not finish within 60 s");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          String.join(" ", command)
              + " exited with "
              + process.exitValue()
              + ": "
              + Files.readString(log));
    }
  }
}
