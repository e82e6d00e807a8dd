package dev.realmctl.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.directory.BasicAttribute;
import javax.naming.directory.BasicAttributes;
import javax.naming.ldap.InitialLdapContext;
import javax.naming.ldap.LdapContext;

/**
 * A real LDAP directory for the tests, on a free loopback port: by default UnboundID's in-memory
 * directory server from Maven Central, in the test JVM, so {@code mvn verify} needs nothing but a
 * JDK and Maven; with {@code -Pslapd}, OpenLDAP's {@code slapd} from Debian's package as a child
 * process (see {@link LdapServer}).
 *
 * <p>The directory holds {@code dc=realmctl,dc=test} with {@code ou=people} (the {@link #users()},
 * inetOrgPerson with a password) and {@code ou=groups} (one groupOfNames of all of them), loaded
 * over LDAP the same way into either server. The root DN's password and the users' passwords are
 * random per run, recorded for the leak scan, and never printed; the directory stores only their
 * salted SHA-1 hashes.
 *
 * <p>{@link #close()} stops the server; a shutdown hook does the same if a test run ends without
 * closing it.
 */
public final class LocalLdap implements AutoCloseable {
  private static final String BASE_DN = "dc=realmctl,dc=test";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A person in {@code ou=people}; {@code cn} is the full name, {@code sn} the last name. */
  public record User(String uid, String cn, String sn, String mail, String password) {
    @Override
    public String toString() {
      return "User[uid=" + uid + ", cn=" + cn + ", sn=" + sn + ", mail=" + mail + "]";
    }
  }

  private final String bindCredential;
  private final List<User> users;
  private final Thread shutdownHook;
  private LdapServer server;
  private Duration startTime;
  private boolean closed;

  private LocalLdap(String bindCredential, List<User> users) {
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
    String bindCredential = password();
    List<String> secrets = new ArrayList<>();
    secrets.add(bindCredential);
    users.forEach(u -> secrets.add(u.password()));
    LeakScanInput.record(secrets);
    LocalLdap ldap = new LocalLdap(bindCredential, users);
    Runtime.getRuntime().addShutdownHook(ldap.shutdownHook);
    try {
      long started = System.nanoTime();
      ldap.server = LdapServer.start(BASE_DN, ldap.bindDn(), bindCredential);
      ldap.load();
      ldap.startTime = Duration.ofNanos(System.nanoTime() - started);
      return ldap;
    } catch (RuntimeException | Error e) {
      ldap.close();
      throw e;
    }
  }

  public String url() {
    return "ldap://127.0.0.1:" + port();
  }

  public int port() {
    return server.port();
  }

  /** Which server this is, for the tests' output. */
  public String serverName() {
    return server.name();
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

  /** The server's own process, when it runs in one (for tests that check it is gone). */
  public Optional<ProcessHandle> process() {
    return server.process();
  }

  /** From nothing to a directory that accepts binds and holds the entries. */
  public Duration startTime() {
    return startTime;
  }

  /** A connection bound as {@code dn}; a wrong password throws {@link NamingException}. */
  public LdapContext bind(String dn, String password) throws NamingException {
    return connect(url(), dn, password);
  }

  static LdapContext connect(String url, String dn, String password) throws NamingException {
    Hashtable<String, Object> env = new Hashtable<>();
    env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
    env.put(Context.PROVIDER_URL, url);
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

  /** Stops the server; safe to call twice. */
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
    if (!closed && server != null) {
      server.close();
    }
    closed = true;
  }

  /** 24 random bytes, URL-safe Base64. */
  private static String password() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** RFC 2307 {SSHA}: SHA-1 of password and salt, then the salt, Base64. */
  static String ssha(String password) {
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
