package dev.realmctl.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.realmctl.support.Admin;
import dev.realmctl.support.LocalLdap;
import dev.realmctl.support.Specs;
import dev.realmctl.support.TestKeycloak;
import dev.realmctl.support.Tokens;
import io.restassured.response.Response;
import jakarta.ws.rs.core.Response.Status;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Keycloak federates the tests' own directory server: an LDAP user-storage component (its
 * configuration in {@code src/test/resources/ldap/ldap-component.json}, as a later realm spec will
 * carry it) lets an LDAP user log in with the password grant, and refuses a wrong password.
 */
class LdapFederationIT {
  private static final String COMPONENT = "/ldap/ldap-component.json";
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  @Test
  void anLdapUserLogsInWithThePasswordGrantAndAWrongPasswordIsRefused() throws IOException {
    TestKeycloak keycloak = TestKeycloak.get();
    String realm = Specs.uniqueName("ldap-federation");
    String clientId = "ldap-app";
    try (LocalLdap ldap = LocalLdap.start();
        Admin admin = Admin.of(keycloak)) {
      System.out.printf(
          "%s started at %s in %d ms%n",
          ldap.serverName(), ldap.url(), ldap.startTime().toMillis());
      RealmRepresentation rep = new RealmRepresentation();
      rep.setRealm(realm);
      rep.setEnabled(true);
      admin.keycloak().realms().create(rep);
      try {
        ComponentRepresentation component =
            component(
                Map.of("LDAP_URL", ldap.url(), "LDAP_BIND_CREDENTIAL", ldap.bindCredential()));
        assertEquals(ldap.bindDn(), component.getConfig().getFirst("bindDn"));
        assertEquals(ldap.usersDn(), component.getConfig().getFirst("usersDn"));
        component.setParentId(admin.realm(realm).toRepresentation().getId());
        String componentId;
        try (jakarta.ws.rs.core.Response created = admin.realm(realm).components().add(component)) {
          assertEquals(Status.CREATED.getStatusCode(), created.getStatus(), "component created");
          String location = created.getLocation().getPath();
          componentId = location.substring(location.lastIndexOf('/') + 1);
        }

        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setPublicClient(true);
        client.setStandardFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(true);
        admin.realm(realm).clients().create(client).close();

        String url = keycloak.url();
        for (LocalLdap.User user : ldap.users()) {
          Response token = passwordGrant(url, realm, clientId, user.uid(), user.password());
          assertEquals(200, token.statusCode(), () -> user.uid() + ": " + token.asString());
          var claims = Tokens.claims(token.path("access_token"));
          assertEquals(user.uid(), claims.getClaim("preferred_username"));
          assertEquals(user.mail(), claims.getClaim("email"));
        }

        LocalLdap.User ada = ldap.user("ada");
        Response wrong = passwordGrant(url, realm, clientId, ada.uid(), ada.password() + "x");
        assertEquals(
            keycloak.behaviour().invalidGrantStatus(), wrong.statusCode(), wrong.asString());
        assertEquals("invalid_grant", wrong.path("error"));
        Response other =
            passwordGrant(url, realm, clientId, ada.uid(), ldap.user("grace").password());
        assertEquals("invalid_grant", other.path("error"), "another user's password is refused");

        List<UserRepresentation> imported = admin.realm(realm).users().search(ada.uid(), true);
        assertEquals(1, imported.size(), "ada imported into the realm");
        assertEquals(componentId, imported.get(0).getFederationLink(), "linked to the component");
        assertEquals(ada.mail(), imported.get(0).getEmail());
        assertFalse(
            admin.realm(realm).users().search("nobody", true).stream()
                .anyMatch(u -> "nobody".equals(u.getUsername())));
      } finally {
        admin.realm(realm).remove();
      }
      assertFalse(admin.realmExists(realm), "realm deleted");
    }
  }

  /** The component of the test resource, its {@code ${env:NAME}} placeholders filled. */
  private static ComponentRepresentation component(Map<String, String> values) throws IOException {
    String text;
    try (InputStream in = LdapFederationIT.class.getResourceAsStream(COMPONENT)) {
      assertTrue(in != null, COMPONENT + " on the test class path");
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (var entry : values.entrySet()) {
      String placeholder = "${env:" + entry.getKey() + "}";
      assertTrue(text.contains(placeholder), COMPONENT + " has " + placeholder);
      String quoted = JSON.writeValueAsString(entry.getValue());
      text = text.replace(placeholder, quoted.substring(1, quoted.length() - 1));
    }
    assertFalse(text.contains("${"), COMPONENT + " has a placeholder nobody fills");
    return JSON.readValue(text, ComponentRepresentation.class);
  }

  private static Response passwordGrant(
      String url, String realm, String clientId, String username, String password) {
    return given()
        .formParam("grant_type", "password")
        .formParam("client_id", clientId)
        .formParam("username", username)
        .formParam("password", password)
        .formParam("scope", "openid")
        .post(Tokens.endpoint(url, realm));
  }
}
