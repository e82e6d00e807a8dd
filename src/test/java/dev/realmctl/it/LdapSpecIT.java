package dev.realmctl.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.keycloak.Connection;
import dev.realmctl.keycloak.Reconciler;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.support.LocalLdap;
import dev.realmctl.support.Specs;
import dev.realmctl.support.TestKeycloak;
import dev.realmctl.support.TestSecrets;
import dev.realmctl.support.Tokens;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LDAP federation of {@link LdapFederationIT}, declared in a realm spec and applied by
 * realmctl: the bind credential comes from the environment, two mappers are sub-components (one
 * Keycloak makes by itself, one it does not), an LDAP user logs in, and a second plan is empty.
 */
class LdapSpecIT {
  private static final String SPEC =
      """
      realm: %s
      enabled: true
      clients:
        - clientId: ldap-app
          publicClient: true
          standardFlowEnabled: false
          directAccessGrantsEnabled: true
      components:
        org.keycloak.storage.UserStorageProvider:
          - name: corp-ldap
            providerId: ldap
            config:
              enabled: ["true"]
              vendor: ["other"]
              connectionUrl: ["${env:LDAP_SPEC_URL}"]
              authType: ["simple"]
              bindDn: ["%s"]
              bindCredential: ["${env:LDAP_SPEC_BIND_CREDENTIAL}"]
              usersDn: ["%s"]
              searchScope: ["1"]
              usernameLDAPAttribute: ["uid"]
              rdnLDAPAttribute: ["uid"]
              uuidLDAPAttribute: ["entryUUID"]
              userObjectClasses: ["inetOrgPerson, organizationalPerson"]
              editMode: ["READ_ONLY"]
              importEnabled: ["true"]
              syncRegistrations: ["false"]
              pagination: ["false"]
              fullSyncPeriod: ["-1"]
              changedSyncPeriod: ["-1"]
            subComponents:
              org.keycloak.storage.ldap.mappers.LDAPStorageMapper:
                - name: email
                  providerId: user-attribute-ldap-mapper
                  config:
                    ldap.attribute: [mail]
                    user.model.attribute: [email]
                    read.only: ["true"]
                    always.read.value.from.ldap: ["true"]
                    is.mandatory.in.ldap: ["false"]
                - name: offline-access
                  providerId: hardcoded-ldap-role-mapper
                  config:
                    role: [offline_access]
      """;

  @TempDir Path folder;

  @Test
  void anLdapProviderFromASpecLetsAnLdapUserLogIn() throws IOException {
    String realm = Specs.uniqueName("ldap-spec");
    try (LocalLdap ldap = LocalLdap.start();
        Connection connection = TestKeycloak.get().connect()) {
      TestSecrets secrets =
          TestSecrets.ofRun()
              .with("LDAP_SPEC_URL", ldap.url())
              .with("LDAP_SPEC_BIND_CREDENTIAL", ldap.bindCredential());
      Path file =
          Files.writeString(
              folder.resolve("ldap.yaml"), SPEC.formatted(realm, ldap.bindDn(), ldap.usersDn()));
      RealmSpec spec = Specs.load(secrets, file).get(0);
      Reconciler reconciler = new Reconciler(connection);
      reconciler.apply(reconciler.plan(List.of(spec)), c -> {});

      LocalLdap.User ada = ldap.user("ada");
      Response token =
          given()
              .formParam("grant_type", "password")
              .formParam("client_id", "ldap-app")
              .formParam("username", ada.uid())
              .formParam("password", ada.password())
              .formParam("scope", "openid")
              .post(Tokens.endpoint(TestKeycloak.get().url(), realm));
      assertEquals(200, token.statusCode(), token.asString());
      var claims = Tokens.claims(token.path("access_token"));
      assertEquals(ada.mail(), claims.getClaim("email"));

      connection.requests().reset();
      var again = reconciler.plan(List.of(spec));
      System.out.printf("LDAP no-op plan: %d requests%n", connection.requests().total());
      assertTrue(again.plan().isEmpty(), () -> "a second plan is empty: " + again.plan());
    }
  }
}
