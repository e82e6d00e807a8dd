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
}
