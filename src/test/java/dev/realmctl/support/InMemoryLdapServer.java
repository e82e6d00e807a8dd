package dev.realmctl.support;

import com.unboundid.ldap.listener.Base64PasswordEncoderOutputFormatter;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.SaltedMessageDigestInMemoryPasswordEncoder;
import com.unboundid.ldap.sdk.LDAPException;
import java.net.InetAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * UnboundID's in-memory directory server (from Maven Central), in the test JVM: the default, so
 * {@code mvn verify} needs no operating-system package. It speaks LDAP on a loopback port the
 * operating system picks, with the standard schema (inetOrgPerson, groupOfNames), generates {@code
 * entryUUID} as Keycloak's LDAP provider expects, and checks binds against salted SHA-1 ({SSHA})
 * passwords as slapd does.
 */
final class InMemoryLdapServer implements LdapServer {
  private final InMemoryDirectoryServer server;
  private boolean closed;

  private InMemoryLdapServer(InMemoryDirectoryServer server) {
    this.server = server;
  }

  static InMemoryLdapServer start(String baseDn, String rootDn, String rootPassword) {
    try {
      InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(baseDn);
      config.setListenerConfigs(
          InMemoryListenerConfig.createLDAPConfig(
              "ldap", InetAddress.getLoopbackAddress(), 0, null));
      config.addAdditionalBindCredentials(rootDn, rootPassword);
      config.setPasswordEncoders(
          new SaltedMessageDigestInMemoryPasswordEncoder(
              "{SSHA}",
              Base64PasswordEncoderOutputFormatter.getInstance(),
              MessageDigest.getInstance("SHA-1"),
              8,
              true,
              true));
      InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
      server.startListening();
      return new InMemoryLdapServer(server);
    } catch (LDAPException e) {
      throw new IllegalStateException("the in-memory LDAP server did not start: " + e, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String name() {
    return "UnboundID in-memory directory server";
  }

  @Override
  public int port() {
    return server.getListenPort();
  }

  @Override
  public Optional<ProcessHandle> process() {
    return Optional.empty();
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      server.shutDown(true);
    }
  }
}
