package dev.realmctl.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.keycloak.RepresentationCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecLoaderTest {
  private static final RepresentationCatalog CATALOG = new RepresentationCatalog();
  @TempDir Path folder;

  private SpecLoader loader(Map<String, String> env) {
    return new SpecLoader(CATALOG, Variables.of(env), new Redactor());
  }

  private Path write(String content) throws IOException {
    return Files.writeString(folder.resolve("realm.yaml"), content);
  }

  private List<String> errors(String yaml) throws IOException {
    Path file = write(yaml);
    SpecException e = assertThrows(SpecException.class, () -> loader(Map.of()).load(List.of(file)));
    return e.problems().stream().map(p -> p.toString().replace(file + ":", "")).toList();
  }

  @Test
  void idsAnExportWritesInsideFieldsAreReadOnly() throws IOException {
    Path file =
        write(
            """
            realm: r
            defaultRole: {id: a1, name: default-roles-r, composite: true, containerId: r1}
            groups:
              - name: staff
                subGroups: [{name: ops, path: /staff/ops, parentId: g1}]
            components:
              org.keycloak.keys.KeyProvider:
                - name: rsa-generated
                  providerId: rsa-generated
                  config: {keyUse: [SIG], priority: ["100"]}
                - name: rsa-enc-generated
                  providerId: rsa-enc-generated
                  config: {keyUse: [SIG]}
            """);
    RealmSpec spec = loader(Map.of()).load(List.of(file)).realms().get(0);
    assertFalse(
        spec.settings().containsKey("defaultRole"), "it only names the default role: read-only");
    assertFalse(spec.of(GroupSpec.SECTION).get(1).fields().containsKey("parentId"));
    var keys = spec.of(ComponentSpec.SECTION);
    assertEquals(Map.of("priority", List.of("100")), keys.get(0).config(), "SIG is implied");
    assertEquals(Map.of("keyUse", List.of("SIG")), keys.get(1).config(), "not the implied use");
  }

  @Test
  void loadsRealmClientsScopesRolesAndUsers() throws IOException {
    Path file =
        write(
            """
            realm: demo
            displayName: Demo
            clientScopes:
              - name: aud
                protocolMappers:
                  - name: aud
                    protocolMapper: oidc-audience-mapper
                    config: {included.custom.audience: api}
            clients:
              - clientId: app
                secret: ${env:APP_SECRET}
                defaultClientScopes: [basic, aud]
            roles:
              realm: [{name: reader}]
              client:
                app: [{name: admin}]
            users:
              - username: ann
                email: ann@example.com
                firstName: Ann
                lastName: Lee
                credentials: [{type: password, value: "${env:ANN_PASSWORD}"}]
                realmRoles: [reader]
                clientRoles: {app: [admin]}
            """);
    var loaded = loader(Map.of("APP_SECRET", "s1", "ANN_PASSWORD", "p1")).load(List.of(file));
    RealmSpec realm = loaded.realms().get(0);
    assertEquals("demo", realm.realm());
    assertEquals(Map.of("displayName", "Demo"), realm.settings());
    assertEquals(new Sensitive("s1"), realm.of(ClientSpec.SECTION).get(0).fields().get("secret"));
    assertEquals(
        List.of("basic", "aud"),
        List.copyOf(realm.of(ClientSpec.SECTION).get(0).defaultClientScopes().orElseThrow()));
    assertEquals(2, realm.of(RoleSpec.SECTION).size());
    assertEquals(
        new Sensitive("p1"), realm.of(UserSpec.SECTION).get(0).initialPassword().orElseThrow());
    assertTrue(loaded.warnings().isEmpty(), loaded.warnings()::toString);
  }

  @Test
  void aRealmSpreadOverFilesMergesSectionBySection() throws IOException {
    Path main = Files.writeString(folder.resolve("a.yaml"), "realm: atlas\nenabled: true\n");
    Path acme =
        Files.writeString(folder.resolve("b.yaml"), "realm: atlas\nclients: [{clientId: acme}]\n");
    Path globex =
        Files.writeString(
            folder.resolve("c.yaml"), "realm: atlas\nclients: [{clientId: globex}]\n");
    var realms = loader(Map.of()).load(List.of(main, acme, globex)).realms();
    assertEquals(1, realms.size());
    assertEquals(
        List.of("acme", "globex"),
        realms.get(0).of(ClientSpec.SECTION).stream().map(ClientSpec::clientId).toList());
    assertEquals(true, realms.get(0).settings().get("enabled"));
  }

  @Test
  void aResourceInTwoFilesAndRealmFieldsInTwoFilesAreErrorsNamingBothPlaces() throws IOException {
    Path one =
        Files.writeString(
            folder.resolve("a.yaml"), "realm: atlas\nenabled: true\nclients: [{clientId: acme}]\n");
    Path two =
        Files.writeString(
            folder.resolve("b.yaml"),
            "realm: atlas\nenabled: false\nclients: [{clientId: acme}]\n");
    SpecException e =
        assertThrows(SpecException.class, () -> loader(Map.of()).load(List.of(one, two)));
    List<String> messages = e.problems().stream().map(Object::toString).toList();
    assertTrue(
        messages.stream()
            .anyMatch(m -> m.contains("'acme' is declared twice (first at " + one + ":3:")),
        messages.toString());
    assertTrue(
        messages.stream()
            .anyMatch(
                m ->
                    m.startsWith(
                        two + ":1:1: realm 'atlas' sets its own fields here and at " + one)),
        messages.toString());
  }

  @Test
  void aKeyCannotForgeAnotherProblemLine() throws IOException {
    List<String> errors =
        errors("realm: r\nclients:\n  - clientId: a\n    \"x\\n0 errors\\u001b[8m\": true\n");
    assertEquals(1, errors.size());
    assertFalse(errors.get(0).contains("\n"), errors.get(0));
    assertFalse(errors.get(0).contains("\u001b"), errors.get(0));
  }

  @Test
  void unknownFieldSuggestsTheRightName() throws IOException {
    assertEquals(
        List.of(
            "4:5: unknown client field 'serviceAcountsEnabled': did you mean 'serviceAccountsEnabled'?"),
        errors("realm: r\nclients:\n  - clientId: a\n    serviceAcountsEnabled: true\n"));
  }

  @Test
  void wrongTypePointsAtTheValue() throws IOException {
    assertEquals(
        List.of("4:26: 'standardFlowEnabled' must be true or false, not 'sometimes'"),
        errors("realm: r\nclients:\n  - clientId: a\n    standardFlowEnabled: sometimes\n"));
  }

  @Test
  void scalarWhereAListBelongs() throws IOException {
    assertEquals(
        List.of("4:19: 'redirectUris' must be a list of strings, not 'http://x'"),
        errors("realm: r\nclients:\n  - clientId: a\n    redirectUris: http://x\n"));
  }

  @Test
  void duplicateKeysAndDuplicateClients() throws IOException {
    assertEquals(
        List.of(
            "4:5: duplicate key 'clientId' (first defined at line 3)",
            "5:5: client 'a' is declared twice (first at line 3)"),
        errors("realm: r\nclients:\n  - clientId: a\n    clientId: b\n  - clientId: a\n"));
  }

  @Test
  void aScopeMappingNamesOneHolderAndKnownKeys() throws IOException {
    assertEquals(
        List.of(
            "3:5: a scope mapping names either a 'client' or a 'clientScope'",
            "4:28: unknown scope mapping field 'role': did you mean 'roles'?",
            "5:5: scope mapping of 'client a' is declared twice (first at line 4)"),
        errors(
            "realm: r\nscopeMappings:\n  - {client: a, clientScope: b, roles: []}\n"
                + "  - {client: a, roles: [], role: x}\n  - {client: a, roles: [y]}\n"));
  }

  @Test
  void clientScopeMappingsMapClientsToScopeMappings() throws IOException {
    assertEquals(
        List.of("2:22: 'clientScopeMappings' must map client ids to lists of scope mappings"),
        errors("realm: r\nclientScopeMappings: [{client: a, roles: [x]}]\n"));
  }

  @Test
  void missingEnvironmentVariableIsNamed() throws IOException {
    assertEquals(
        List.of("3:27: ${env:NOPE}: environment variable NOPE is not set"),
        errors("realm: r\nclients:\n  - {clientId: a, secret: \"${env:NOPE}\"}\n"));
  }

  @Test
  void keycloakMessageKeysAreLeftAlone() throws IOException {
    Path file = write("realm: r\ndisplayName: \"${realmDisplayName}\"\n");
    var realm = loader(Map.of()).load(List.of(file)).realms().get(0);
    assertEquals("${realmDisplayName}", realm.settings().get("displayName"));
  }

  @Test
  void globalTagsAreRefusedNotConstructed() throws IOException {
    List<String> errors = errors("realm: !!javax.script.ScriptEngineManager [x]\n");
    assertEquals(1, errors.size());
    assertTrue(errors.get(0).startsWith("1:8: Global tag is not allowed"), errors::toString);
  }

  @Test
  void aliasBombIsRefusedQuickly() throws IOException {
    StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 10; i++) {
      yaml.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      yaml.append("]\n");
    }
    long start = System.nanoTime();
    List<String> errors = errors(yaml.toString());
    assertTrue(
        errors
            .get(0)
            .contains("Number of aliases for non-scalar nodes exceeds the specified max=50"),
        errors::toString);
    assertTrue(System.nanoTime() - start < 5_000_000_000L);
  }

  @Test
  void invalidUtf8IsReportedWithItsPlace() throws IOException {
    Path file = folder.resolve("realm.yaml");
    Files.write(
        file,
        new byte[] {
          'r',
          'e',
          'a',
          'l',
          'm',
          ':',
          ' ',
          'a',
          '\n',
          'x',
          ':',
          ' ',
          (byte) 0xC3,
          (byte) 0x28,
          '\n'
        });
    SpecException e = assertThrows(SpecException.class, () -> loader(Map.of()).load(List.of(file)));
    assertEquals(file + ":2:4: file is not valid UTF-8", e.problems().get(0).toString());
  }

  @Test
  void syntaxErrorHasLineAndColumn() throws IOException {
    List<String> errors = errors("realm: r\nclients:\n  - clientId: a\n   bad: [\n");
    assertEquals(1, errors.size());
    assertTrue(errors.get(0).matches("^\\d+:\\d+: .+"), errors::toString);
  }

  @Test
  void userWithoutProfileFieldsGetsAWarningNotAnError() throws IOException {
    Path file =
        write("realm: r\nusers:\n  - username: bob\n    credentials: [{value: \"${env:PW}\"}]\n");
    var loaded = loader(Map.of("PW", "pw")).load(List.of(file));
    assertEquals(1, loaded.warnings().size());
    assertTrue(loaded.warnings().get(0).message().contains("Account is not fully set up"));
  }

  @Test
  void everyProblemOfEveryFileIsReportedAtOnce() throws IOException {
    Files.writeString(
        folder.resolve("a.yaml"), "realm: a\nclients:\n  - clientId: x\n    bogus: 1\n");
    Files.writeString(folder.resolve("b.yaml"), "realm: b\nusers:\n  - email: e@x\n");
    SpecException e =
        assertThrows(SpecException.class, () -> loader(Map.of()).load(List.of(folder)));
    assertEquals(2, e.problems().size(), e::getMessage);
    assertTrue(e.problems().get(0).toString().contains("a.yaml:4:5: unknown client field 'bogus'"));
    assertTrue(
        e.problems().get(1).toString().contains("b.yaml:3:5: user needs a non-empty 'username'"));
  }

  @Test
  void duplicateScopesUsersAndRolesAreEachReported() throws IOException {
    assertEquals(
        List.of(
            "4:5: client scope 's' is declared twice (first at line 3)",
            "5:28: role 'r' is declared twice (first at line 5)",
            "8:5: user 'u' is declared twice (first at line 7)"),
        errors(
            """
            realm: x
            clientScopes:
              - name: s
              - name: s
            roles: {realm: [{name: r}, {name: r}]}
            users:
              - {username: u}
              - {username: u}
            """));
  }

  @Test
  void fileOverTheSizeLimitIsRefusedUnread() throws IOException {
    Path file = write("realm: r\n# " + "x".repeat(YamlReader.MAX_FILE_BYTES) + "\n");
    SpecException e = assertThrows(SpecException.class, () -> loader(Map.of()).load(List.of(file)));
    assertEquals(file + ":1:1: file is larger than 1024 KiB", e.problems().get(0).toString());
  }

  @Test
  void aFolderTakesJsonAsKeycloakExportsIt() throws IOException {
    Files.writeString(
        folder.resolve("realm-export.json"),
        """
        {
          "realm": "exported",
          "enabled": true,
          "clients": [{"clientId": "app", "fullScopeAllowed": false}]
        }
        """);
    var loaded = loader(Map.of()).load(List.of(folder));
    assertEquals(List.of("exported"), loaded.realms().stream().map(RealmSpec::realm).toList());
  }

  @Test
  void aSecretMaskedByTheConsoleExportIsRefusedAtItsLine() throws IOException {
    assertEquals(
        List.of(
            "4:13: this secret was masked by the admin console's export; give it with ${env:NAME}"
                + " or ${file:PATH}"),
        errors("realm: r\nclients:\n  - clientId: app\n    secret: \"**********\"\n"));
  }

  @Test
  void aBooleanWrittenAsAStringIsTakenWithAWarning() throws IOException {
    Path file = write("realm: r\nclients:\n  - clientId: app\n    fullScopeAllowed: \"false\"\n");
    var loaded = loader(Map.of()).load(List.of(file));
    assertEquals(
        false,
        loaded.realms().get(0).of(ClientSpec.SECTION).get(0).fields().get("fullScopeAllowed"));
    assertTrue(
        loaded.warnings().get(0).toString().contains("write false without quotes"),
        loaded.warnings().toString());
  }

  @Test
  void aServiceAccountUserAsAnExportWritesItLoads() throws IOException {
    Path file =
        write(
            """
            realm: r
            clients: [{clientId: App, serviceAccountsEnabled: true}]
            users:
              - id: 6c1f0a7e-0000-4000-8000-000000000001
                username: service-account-app
                emailVerified: false
                createdTimestamp: 1732700000000
                enabled: true
                totp: false
                serviceAccountClientId: App
                disableableCredentialTypes: []
                requiredActions: []
                realmRoles: [default-roles-r]
                notBefore: 0
                groups: []
            """);
    var user = loader(Map.of()).load(List.of(file)).realms().get(0).of(UserSpec.SECTION).get(0);
    assertEquals("service-account-app", user.username());
    assertEquals(Map.of(), user.fields());
  }

  @Test
  void whatKeycloakDerivesFromTheOtpPolicyIsReadOnly() throws IOException {
    Path file =
        write("realm: r\notpPolicyDigits: 8\notpSupportedApplications: [totpAppFreeOTPName]\n");
    var realm = loader(Map.of()).load(List.of(file)).realms().get(0);
    assertEquals(8, realm.settings().get("otpPolicyDigits"));
    assertFalse(realm.settings().containsKey("otpSupportedApplications"));
  }

  @Test
  void aServiceAccountUserNamedOtherwiseIsRefused() throws IOException {
    assertEquals(
        List.of(
            "4:15: the service-account user of 'app' is named 'service-account-app' by Keycloak"),
        errors("realm: r\nusers:\n  - serviceAccountClientId: app\n    username: someone\n"));
  }

  @Test
  void aCompositeRoleWithAnUnknownKeyIsRefusedAtTheKey() throws IOException {
    assertEquals(
        List.of("5:20: unknown key 'realms' under composites: expected 'realm' or 'client'"),
        errors(
            "realm: r\nroles:\n  realm:\n    - name: a\n      composites: {realms: [b]}\n"
                + "    - name: b\n"));
  }

  @Test
  void subGroupsNestToAnyDepthAndAreKnownByPath() throws IOException {
    Path file =
        write(
            """
            realm: demo
            groups:
              - name: staff
                path: /staff
                subGroups:
                  - name: ops
                    realmRoles: [reader]
                    subGroups:
                      - name: oncall
                        attributes: {pager: ["yes"]}
              - name: guests
            """);
    RealmSpec spec = loader(Map.of()).load(List.of(file)).realms().get(0);
    assertEquals(
        List.of("staff", "staff/ops", "staff/ops/oncall", "guests"),
        spec.of(GroupSpec.SECTION).stream().map(GroupSpec::path).toList());
    GroupSpec oncall = spec.of(GroupSpec.SECTION).get(2);
    assertEquals("oncall", oncall.name());
    assertEquals(Map.of("pager", List.of("yes")), oncall.fields().get("attributes"));
    assertEquals(
        java.util.Optional.of(java.util.Set.of("reader")),
        spec.of(GroupSpec.SECTION).get(1).realmRoles());
  }

  @Test
  void aSubGroupPathDeclaredTwiceAWrongPathAndANameEndingLikeAnEscapeAreErrors()
      throws IOException {
    assertEquals(
        List.of(
            "8:9: group 'staff/ops' is declared twice (first at line 5)",
            "10:13: group 'staff/ops/x' is declared twice (first at line 7)",
            "10:29: 'path' is Keycloak's and read-only: this group's is '/staff/ops/x'",
            "11:19: group name 'a~' ends with '~', which group paths use to escape a '/' in a"
                + " name: rename the group"),
        errors(
            """
            realm: demo
            groups:
              - name: staff
                subGroups:
                  - name: ops
                    subGroups:
                      - name: x
                  - name: ops
                    subGroups:
                      - {name: x, path: /wrong}
                      - name: a~
            """));
  }

  @Test
  void aSlashInAGroupNameIsEscapedInItsPathAsKeycloakDoes() throws IOException {
    Path file =
        write(
            """
            realm: demo
            groups:
              - name: ops
                subGroups:
                  - name: team
              - name: ops/team
                path: /ops/team
              - name: a/b
                path: /a~/b
                subGroups:
                  - name: c/
            """);
    RealmSpec spec = loader(Map.of()).load(List.of(file)).realms().get(0);
    assertEquals(
        List.of("ops", "ops/team", "ops~/team", "a~/b", "a~/b/c~/"),
        spec.of(GroupSpec.SECTION).stream().map(GroupSpec::path).toList());
  }

  @Test
  void anExportedOwnershipRecordIsRefusedAtItsLineSayingWhatToDo() throws IOException {
    assertEquals(
        List.of(
            "4:3: attribute 'realmctl.ownership' is realmctl's record of what it owns, which"
                + " realmctl keeps itself: remove it from the spec"),
        errors(
            """
            realm: demo
            attributes:
              frontendUrl: ""
              realmctl.ownership: '{"clients":["app"]}'
            """));
  }

  @Test
  void aDefaultGroupWithASlashInAGroupsNameIsRefused() throws IOException {
    assertEquals(
        List.of(
            "2:23: default group '/ops~/team' has a '/' in a group's name, which Keycloak's realm"
                + " update cannot find by path: rename the group, or make it a default group in"
                + " Keycloak"),
        errors(
            """
            realm: demo
            defaultGroups: [/ops, /ops~/team]
            groups:
              - name: ops
              - name: ops/team
            """));
  }
}
