package dev.realmctl.support;

import dev.realmctl.local.TestPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.directory.BasicAttribute;
import javax.naming.directory.BasicAttributes;
import javax.naming.ldap.InitialLdapContext;
import javax.naming.ldap.LdapContext;

/**
 * A real LDAP directory for the tests: OpenLDAP's {@code slapd} from Debian's package, with a
 * configuration of its own in a temporary folder, on a free loopback port, as a child process of
 * the test JVM. Nothing of the system's slapd (its configuration, its database, a daemon on port
 * 389) is used.
 *
 * <p>The directory holds {@code dc=realmctl,dc=test} with {@code ou=people} (the {@link #users()},
 * inetOrgPerson with a password) and {@code ou=groups} (one groupOfNames of all of them). The root
 * DN's password and the users' passwords are random per run, recorded for the leak scan, and never
 * printed; the directory stores only their salted SHA-1 hashes.
 *
 * <p>{@link #close()} stops slapd and removes the folder; a shutdown hook does the same if a test
 * run ends without closing it.
 */
public final class LocalLdap implements AutoCloseable {
  public static final Path SLAPD = Path.of("/usr/sbin/slapd");
  public static final Path SLAPADD = Path.of("/usr/sbin/slapadd");
  private static final Path SCHEMAS = Path.of("/etc/ldap/schema");
  private static final Path MODULES = Path.of("/usr/lib/ldap");
  private static final String BASE_DN = "dc=realmctl,dc=test";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A person in {@code ou=people}; {@code cn} is the full name, {@code sn} the last name. */
  public record User(String uid, String cn, String sn, String mail, String password) {
    @Override
    public String toString() {
      return "User[uid=" + uid + ", cn=" + cn + ", sn=" + sn + ", mail=" + mail + "]";
    }
  }

  private final Path folder;
  private final String bindCredential;
  private final List<User> users;
  private final Thread shutdownHook;
  private Process slapd;
  private int port;
  private Duration startTime;
  private boolean closed;

  private LocalLdap(Path folder, String bindCredential, List<User> users) {
    this.folder = folder;
    this.bindCredential = bindCredential;
    this.users = users;
    this.shutdownHook = new Thread(this::stop, "local-ldap-shutdown");
  }

  /** Starts a directory with two users, {@code ada} and {@code grace}, in one group. */
  public static LocalLdap start() {
    return start(
        List.of(
            new User("ada", "Ada Lovelace", "Lovelace", "ada@realmctl.test", password()),
            new User("grace", "Grace Hopper", "Hopper", "grace@realmctl.test", password())));
  }

  public static LocalLdap start(List<User> users) {
    if (!Files.isExecutable(SLAPD) || !Files.isExecutable(SLAPADD)) {
      throw new IllegalStateException(
          SLAPD
              + " not found: the LDAP tests need Debian's packages slapd and ldap-utils"
              + " (apt-get install -y --no-install-recommends slapd ldap-utils; .ci/run installs"
              + " them)");
    }
    String bindCredential = password();
    List<String> secrets = new ArrayList<>();
    secrets.add(bindCredential);
    users.forEach(u -> secrets.add(u.password()));
    LeakScanInput.record(secrets);
    Path folder;
    try {
      // Owner-only (0700) on POSIX: slapd runs as this user (no -u/-g), so it can read it.
      folder = Files.createTempDirectory("realmctl-ldap-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LocalLdap ldap = new LocalLdap(folder, bindCredential, users);
    Runtime.getRuntime().addShutdownHook(ldap.shutdownHook);
    try {
      long started = System.nanoTime();
      ldap.configure();
      ldap.launch();
      ldap.load();
      ldap.startTime = Duration.ofNanos(System.nanoTime() - started);
      return ldap;
    } catch (RuntimeException | Error e) {
      ldap.close();
      throw e;
    }
  }

  public String url() {
    return "ldap://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public String baseDn() {
    return BASE_DN;
  }

  public String bindDn() {
    return "cn=admin," + BASE_DN;
  }

  /** The root DN's password, generated for this run: never print or log it. */
  public String bindCredential() {
    return bindCredential;
  }

  public String usersDn() {
    return "ou=people," + BASE_DN;
  }

  public String groupsDn() {
    return "ou=groups," + BASE_DN;
  }

  /** The one group, a groupOfNames with every user as member. */
  public String groupDn() {
    return "cn=staff," + groupsDn();
  }

  public List<User> users() {
    return users;
  }

  public User user(String uid) {
    return users.stream().filter(u -> u.uid().equals(uid)).findFirst().orElseThrow();
  }

  public String dn(User user) {
    return "uid=" + user.uid() + "," + usersDn();
  }

  /** The slapd process (for tests that check it is gone after {@link #close()}). */
  public ProcessHandle process() {
    return slapd.toHandle();
  }

  /** From nothing to a directory that accepts binds and holds the entries. */
  public Duration startTime() {
    return startTime;
  }

  /** A connection bound as {@code dn}; a wrong password throws {@link NamingException}. */
  public LdapContext bind(String dn, String password) throws NamingException {
    Hashtable<String, Object> env = new Hashtable<>();
    env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
    env.put(Context.PROVIDER_URL, url());
    env.put(Context.SECURITY_AUTHENTICATION, "simple");
    env.put(Context.SECURITY_PRINCIPAL, dn);
    env.put(Context.SECURITY_CREDENTIALS, password);
    env.put("com.sun.jndi.ldap.connect.timeout", "2000");
    env.put("com.sun.jndi.ldap.read.timeout", "10000");
    return new InitialLdapContext(env, null);
  }

  public LdapContext bindAsAdmin() throws NamingException {
    return bind(bindDn(), bindCredential);
  }

  private void configure() {
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
              .formatted(folder, MODULES, SCHEMAS, BASE_DN, bindDn(), ssha(bindCredential), data);
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
        bindAsAdmin().close();
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

  private void load() {
    try {
      LdapContext admin = bindAsAdmin();
      try {
        admin.createSubcontext(
            BASE_DN,
            attributes(
                new String[] {"top", "dcObject", "organization"},
                "dc",
                "realmctl",
                "o",
                "realmctl"));
        admin.createSubcontext(
            usersDn(), attributes(new String[] {"top", "organizationalUnit"}, "ou", "people"));
        admin.createSubcontext(
            groupsDn(), attributes(new String[] {"top", "organizationalUnit"}, "ou", "groups"));
        for (User user : users) {
          admin.createSubcontext(
              dn(user),
              attributes(
                  new String[] {"top", "person", "organizationalPerson", "inetOrgPerson"},
                  "uid",
                  user.uid(),
                  "cn",
                  user.cn(),
                  "sn",
                  user.sn(),
                  "mail",
                  user.mail(),
                  "userPassword",
                  ssha(user.password())));
        }
        BasicAttributes group = attributes(new String[] {"top", "groupOfNames"}, "cn", "staff");
        BasicAttribute member = new BasicAttribute("member");
        users.forEach(u -> member.add(dn(u)));
        group.put(member);
        admin.createSubcontext(groupDn(), group);
      } finally {
        admin.close();
      }
    } catch (NamingException e) {
      throw new IllegalStateException("loading the LDAP entries failed: " + e.getMessage(), e);
    }
  }

  private static BasicAttributes attributes(String[] objectClasses, String... pairs) {
    BasicAttributes attributes = new BasicAttributes(true);
    BasicAttribute classes = new BasicAttribute("objectClass");
    for (String c : objectClasses) {
      classes.add(c);
    }
    attributes.put(classes);
    for (int i = 0; i < pairs.length; i += 2) {
      attributes.put(pairs[i], pairs[i + 1]);
    }
    return attributes;
  }

  /** Stops slapd and removes its folder; safe to call twice. */
  @Override
  public synchronized void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to: it does the same
    }
  }

  private synchronized void stop() {
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

  /** 24 random bytes, URL-safe Base64. */
  private static String password() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** RFC 2307 {SSHA}: SHA-1 of password and salt, then the salt, Base64. */
  private static String ssha(String password) {
    try {
      byte[] salt = new byte[8];
      RANDOM.nextBytes(salt);
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update(password.getBytes(StandardCharsets.UTF_8));
      sha1.update(salt);
      byte[] digest = sha1.digest();
      byte[] both = new byte[digest.length + salt.length];
      System.arraycopy(digest, 0, both, 0, digest.length);
      System.arraycopy(salt, 0, both, digest.length, salt.length);
      return "{SSHA}" + Base64.getEncoder().encodeToString(both);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
