package dev.realmctl.support;

import java.util.Optional;

/**
 * The server behind a {@link LocalLdap}: it listens on a loopback port, knows one root DN that may
 * write everything, and holds nothing until {@link LocalLdap} loads the entries over LDAP.
 */
interface LdapServer extends AutoCloseable {
  /** {@code realmctl.ldap=in-memory} (the default) or {@code slapd} (the {@code slapd} profile). */
  String PROPERTY = "realmctl.ldap";

  String name();

  int port();

  /** The server's own process when it runs in one (slapd); empty when in the test JVM. */
  Optional<ProcessHandle> process();

  /** Stops the server and frees its port; safe to call twice. */
  @Override
  void close();

  static LdapServer start(String baseDn, String rootDn, String rootPassword) {
    String chosen = System.getProperty(PROPERTY, "in-memory");
    return switch (chosen) {
      case "in-memory" -> InMemoryLdapServer.start(baseDn, rootDn, rootPassword);
      case "slapd" -> SlapdServer.start(baseDn, rootDn, rootPassword);
      default ->
          throw new IllegalArgumentException(
              PROPERTY + "=" + chosen + ": expected in-memory or slapd");
    };
  }
}
