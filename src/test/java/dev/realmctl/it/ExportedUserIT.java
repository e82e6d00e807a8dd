package dev.realmctl.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.keycloak.Connection;
import dev.realmctl.keycloak.Reconciler;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.support.Admin;
import dev.realmctl.support.Cli;
import dev.realmctl.support.Specs;
import dev.realmctl.support.TestKeycloak;
import dev.realmctl.support.TestSecrets;
import dev.realmctl.support.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user as a realm export writes it: a hashed password (secretData / credentialData), required
 * actions, attributes and a link to an identity provider.
 */
class ExportedUserIT {
  @TempDir Path folder;
  private final TestSecrets secrets = TestSecrets.ofRun();

  @Test
  void aHashedPasswordFromAnExportLogsInAndTheUserConverges() throws Exception {
    String realm = Specs.uniqueName("exported-user");
    String password = secrets.value("EXPORTED_USER_PASSWORD");
    String yaml =
        """
        realm: %s
        clients:
          - clientId: app
            secret: ${env:EXPORTED_APP_SECRET}
            directAccessGrantsEnabled: true
        identityProviders:
          - alias: corp
            providerId: oidc
            config:
              clientId: realmctl
              authorizationUrl: https://sso.example.test/auth
              tokenUrl: https://sso.example.test/token
        users:
          - username: ada
            id: 6f1c2b0e-0000-4000-8000-000000000001
            createdTimestamp: 1700000000000
            email: ada@example.test
            emailVerified: true
            firstName: Ada
            lastName: Lovelace
            enabled: true
            totp: false
            requiredActions: []
            credentials:
              - type: password
                userLabel: My password
                createdDate: 1700000000000
                secretData: '%s'
                credentialData: '{"hashIterations":1000,"algorithm":"pbkdf2-sha512","additionalParameters":{}}'
            federatedIdentities:
              - identityProvider: corp
                userId: ada-at-corp
                userName: ada@corp.example.test
        """
            .formatted(realm, secretData(password));
    Path file = Files.writeString(folder.resolve("exported-user.yaml"), yaml);
    try (Connection connection = TestKeycloak.get().connect();
        Admin admin = Admin.of(TestKeycloak.get())) {
      Reconciler reconciler = new Reconciler(connection);
      RealmSpec spec = Specs.load(secrets, file).get(0);
      reconciler.apply(reconciler.plan(List.of(spec)), c -> {});

      var login =
          Tokens.password(
              TestKeycloak.get().url(),
              realm,
              "app",
              secrets.value("EXPORTED_APP_SECRET"),
              "ada",
              password);
      assertEquals(200, login.statusCode(), login.asString());
      var wrong =
          Tokens.password(
              TestKeycloak.get().url(),
              realm,
              "app",
              secrets.value("EXPORTED_APP_SECRET"),
              "ada",
              password + "-not");
      assertEquals("invalid_grant", wrong.jsonPath().getString("error"), wrong.asString());

      var links =
          admin
              .realm(realm)
              .users()
              .get(admin.realm(realm).users().searchByUsername("ada", true).get(0).getId())
              .getFederatedIdentity();
      assertEquals(1, links.size());
      assertEquals("ada-at-corp", links.get(0).getUserId());
      assertTrue(reconciler.plan(List.of(spec)).plan().isEmpty(), "a second plan is empty");
    }
    Path exported = folder.resolve("exported.yaml");
    Cli.Run run = Cli.run(secrets, "export", realm, "--output", exported.toString());
    assertEquals(0, run.exitCode(), run.err());
    String text = Files.readString(exported);
    assertTrue(text.contains("ada-at-corp"), text);
    assertFalse(text.contains(password), "the export holds the password");
  }

  /** What Keycloak stores for a pbkdf2-sha512 password, as its exports write it. */
  private static String secretData(String password) throws Exception {
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    var spec = new PBEKeySpec(password.toCharArray(), salt, 1000, 512);
    byte[] hash =
        SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
    Base64.Encoder base64 = Base64.getEncoder();
    return "{\"value\":\""
        + base64.encodeToString(hash)
        + "\",\"salt\":\""
        + base64.encodeToString(salt)
        + "\",\"additionalParameters\":{}}";
  }
}
