package dev.realmctl.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Realm files Keycloak's own import accepts (measured on 26.7.3) are read as it reads them. */
class KeycloakImportAcceptsTest {
  @TempDir Path folder;

  private SpecLoader.Loaded load(String yaml) throws IOException {
    Path file = Files.writeString(folder.resolve("realm.yaml"), yaml);
    return new SpecLoader(
            new dev.realmctl.keycloak.RepresentationCatalog(),
            Variables.of(Map.of()),
            new Redactor())
        .load(List.of(file));
  }

  @Test
  void authorizationSettingsWithoutTheSwitchTurnAuthorizationOnWithAWarning() throws IOException {
    var loaded =
        load(
            """
            realm: r
            clients:
              - clientId: api
                authorizationSettings:
                  resources: [{name: res1}]
            """);
    RealmSpec spec = loaded.realms().get(0);
    Map<String, Object> fields = spec.of(ClientSpec.SECTION).get(0).fields();
    assertEquals(true, fields.get("authorizationServicesEnabled"));
    assertEquals(true, fields.get("serviceAccountsEnabled"));
    assertEquals(1, spec.of(AuthorizationSpec.SECTION).size());
    assertTrue(
        loaded.warnings().toString().contains("realm.yaml:4:5")
            && loaded.warnings().toString().contains("turns authorization services on"),
        loaded.warnings().toString());
  }

  @Test
  void aMergedEntrysProblemIsAtItsAnchoredLine() throws IOException {
    var error =
        org.junit.jupiter.api.Assertions.assertThrows(
            SpecException.class,
            () ->
                load(
                    """
                    realm: r
                    clients:
                      - &more {clientId: more, description: more, bogus: 1}
                      - clientId: b
                        <<: *more
                    """));
    // The merged entry's problem points where it is written: in the anchored mapping.
    assertTrue(error.getMessage().contains("realm.yaml:3:"), error.getMessage());
  }

  @Test
  void yamlMergeKeysKeepTheOwnKeysAndTheLines() throws IOException {
    var loaded =
        load(
            """
            realm: r
            clients:
              - &base {clientId: base, publicClient: true, description: base}
              - &more {clientId: more, description: more, rootUrl: "https://more.example"}
              - clientId: a
                <<: [*base, *more]
                description: own
            """);
    Map<String, Object> a = loaded.realms().get(0).of(ClientSpec.SECTION).get(2).fields();
    assertEquals(true, a.get("publicClient"));
    assertEquals("own", a.get("description"));
    assertEquals("https://more.example", a.get("rootUrl"));
  }

  @Test
  void aDuplicateKeyInJsonIsTheLastOneWithAWarningAndInYamlAnError() throws IOException {
    Path json =
        Files.writeString(
            folder.resolve("dup.json"),
            "{\"realm\": \"r\",\n \"displayName\": \"one\",\n \"displayName\": \"two\"}");
    var loaded =
        new SpecLoader(
                new dev.realmctl.keycloak.RepresentationCatalog(),
                Variables.of(Map.of()),
                new Redactor())
            .load(List.of(json));
    assertEquals("two", loaded.realms().get(0).settings().get("displayName"));
    assertTrue(
        loaded.warnings().toString().contains("dup.json:3:2: warning: duplicate key 'displayName'"),
        loaded.warnings().toString());
  }

  @Test
  void aPublicClientsSecretIsNotKeptSoItIsWarnedAndNeverPlanned() throws IOException {
    var loaded =
        load(
            """
            realm: r
            clients:
              - clientId: app
                publicClient: true
                secret: leftover
            """);
    assertEquals(null, loaded.realms().get(0).of(ClientSpec.SECTION).get(0).fields().get("secret"));
    assertTrue(
        loaded.warnings().toString().contains("realm.yaml:5:5: warning: Keycloak does not keep"),
        loaded.warnings().toString());
  }
}
