package dev.realmctl.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.support.LocalLdap;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.naming.AuthenticationException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import javax.naming.ldap.LdapContext;
import org.junit.jupiter.api.Test;

/**
 * The tests' own directory server (UnboundID's in-memory server, or slapd with {@code -Pslapd})
 * holds the users, checks their passwords, and leaves nothing behind.
 */
class LocalLdapIT {
  @Test
  void usersBindWithTheirPasswordAreFoundAndNothingRemainsAfterClose() throws Exception {
    LocalLdap ldap = LocalLdap.start();
    Optional<ProcessHandle> process;
    int port;
    try {
      process = ldap.process();
      port = ldap.port();
      System.out.printf(
          "%s started at %s in %d ms%n",
          ldap.serverName(), ldap.url(), ldap.startTime().toMillis());
      process.ifPresent(
          p -> {
            assertTrue(p.isAlive());
            assertTrue(
                ProcessHandle.current().descendants().anyMatch(c -> c.pid() == p.pid()),
                "the server is a child of the test JVM");
          });

      LocalLdap.User ada = ldap.user("ada");
      ldap.bind(ldap.dn(ada), ada.password()).close();

      LocalLdap.User grace = ldap.user("grace");
      assertThrows(AuthenticationException.class, () -> ldap.bind(ldap.dn(ada), grace.password()));
      assertThrows(
          AuthenticationException.class, () -> ldap.bind(ldap.dn(ada), ada.password() + "x"));

      LdapContext admin = ldap.bindAsAdmin();
      try {
        assertEquals(
            Set.of("ada", "grace"), uids(admin, ldap.usersDn(), "(objectClass=inetOrgPerson)"));
        assertEquals(Set.of("ada"), uids(admin, ldap.usersDn(), "(mail=ada@realmctl.test)"));
        assertEquals(
            List.of(ldap.dn(ada), ldap.dn(grace)),
            members(admin, ldap.groupDn()),
            "the groupOfNames holds both users");
      } finally {
        admin.close();
      }

      // A user, not only the root DN, reads the directory (Keycloak searches as its bind DN).
      LdapContext asAda = ldap.bind(ldap.dn(ada), ada.password());
      try {
        assertEquals(Set.of("ada", "grace"), uids(asAda, ldap.usersDn(), "(uid=*)"));
      } finally {
        asAda.close();
      }
    } finally {
      ldap.close();
    }

    process.ifPresent(p -> assertFalse(p.isAlive(), "the server's process stopped"));
    assertFalse(
        ProcessHandle.current().descendants().anyMatch(LocalLdapIT::isSlapd),
        "no slapd child left");
    assertTrue(portIsFree(port), "port " + port + " free after close");
  }

  @Test
  void closingTwiceIsHarmless() {
    LocalLdap ldap = LocalLdap.start();
    int port = ldap.port();
    ldap.close();
    ldap.close();
    assertTrue(portIsFree(port), "port " + port + " free after close");
    assertFalse(ProcessHandle.current().descendants().anyMatch(LocalLdapIT::isSlapd));
  }

  private static boolean isSlapd(ProcessHandle p) {
    return p.isAlive() && p.info().command().map(c -> c.endsWith("/slapd")).orElse(false);
  }

  private static boolean portIsFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static Set<String> uids(LdapContext context, String base, String filter)
      throws NamingException {
    SearchControls controls = new SearchControls();
    controls.setSearchScope(SearchControls.ONELEVEL_SCOPE);
    controls.setReturningAttributes(new String[] {"uid"});
    Set<String> uids = new TreeSet<>();
    NamingEnumeration<SearchResult> results = context.search(base, filter, controls);
    while (results.hasMore()) {
      uids.add((String) results.next().getAttributes().get("uid").get());
    }
    return uids;
  }

  private static List<String> members(LdapContext context, String groupDn) throws NamingException {
    var member = context.getAttributes(groupDn, new String[] {"member"}).get("member");
    List<String> dns = new ArrayList<>();
    for (int i = 0; i < member.size(); i++) {
      dns.add((String) member.get(i));
    }
    return dns;
  }
}
