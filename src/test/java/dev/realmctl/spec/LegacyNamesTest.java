package dev.realmctl.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.keycloak.RepresentationCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names older exports write that Keycloak's import still reads: taken as it takes them, warned. */
class LegacyNamesTest {
  @TempDir Path folder;

  @Test
  void applicationsAreClientsNamedByName() throws IOException {
    var loaded =
        load(
            """
            realm: r
            applications:
              - name: legacy-app
                publicClient: true
            """);
    RealmSpec spec = loaded.realms().get(0);
    assertEquals(
        List.of("legacy-app"),
        spec.of(ClientSpec.SECTION).stream().map(ClientSpec::clientId).toList());
    assertTrue(
        loaded.warnings().get(0).message().contains("'applications' is the old name of 'clients'"));
  }

  @Test
  void defaultRolesAreTheDefaultRolesComposites() throws IOException {
    var loaded =
        load("realm: Shop\ndefaultRoles: [customer]\nroles: {realm: [{name: customer}]}\n");
    RoleSpec role =
        loaded.realms().get(0).of(RoleSpec.SECTION).stream()
            .filter(r -> r.name().equals("default-roles-shop"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        Optional.of(
            new RoleSpec.Composites(
                Set.of("customer", "offline_access", "uma_authorization"),
                Map.of("account", Set.of("view-profile", "manage-account")))),
        role.composites());
    assertFalse(loaded.realms().get(0).settings().containsKey("defaultRoles"));
    assertTrue(loaded.warnings().get(0).message().contains("declare that role's composites"));
  }

  @Test
  void oldRealmKeysAreIgnoredWithAWarningAndNeverKept() throws IOException {
    var loaded = load("realm: r\nprivateKey: MIIEvQIBADANBgkq\npublicKey: MIIBIjANBgkq\n");
    assertFalse(loaded.realms().get(0).settings().containsKey("privateKey"));
    assertEquals(2, loaded.warnings().size());
    assertTrue(
        loaded.warnings().stream().noneMatch(w -> w.toString().contains("MIIEvQIBADANBgkq")));
  }

  @Test
  void theDefaultRoleKeepsKeycloaksName() throws IOException {
    var loaded = load("realm: r\ndefaultRole: {name: everyone}\n");
    assertTrue(
        loaded
            .warnings()
            .get(0)
            .toString()
            .contains("r.yaml:2:1: warning: 'defaultRole' names 'everyone': ignored"),
        loaded.warnings().toString());
  }

  private SpecLoader.Loaded load(String yaml) throws IOException {
    return loader().load(List.of(write(yaml)));
  }

  private Path write(String yaml) throws IOException {
    return Files.writeString(folder.resolve("r.yaml"), yaml);
  }

  private static SpecLoader loader() {
    return new SpecLoader(new RepresentationCatalog(), Variables.of(Map.of()), new Redactor());
  }
}
