package dev.realmctl.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.plan.ClientPlanner;
import dev.realmctl.plan.LiveRealm;
import dev.realmctl.plan.LiveState;
import dev.realmctl.plan.Plan;
import dev.realmctl.plan.Planner;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.SpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one place of version differences, and the plan's use of it, without a server. */
class VersionBehaviourTest {
  @TempDir Path folder;

  private static VersionBehaviour on(String version) {
    return VersionBehaviour.of(KeycloakVersion.of(version));
  }

  private RealmSpec spec(String yaml) throws IOException {
    return dev.realmctl.support.SpecFiles.load(folder, yaml);
  }

  @Test
  void aNewRealmsOrganizationRolesOfRealmManagementAreKeycloaksFrom26() throws IOException {
    RealmSpec spec =
        spec(
            """
            realm: r
            roles:
              client:
                realm-management:
                  - {name: view-organizations, description: "${role_view-organizations}"}
                  - {name: view-users, description: "${role_view-users}", attributes: {}}
            """);
    Plan on26 = new Planner().plan(List.of(spec), new LiveState(Map.of(), on("26.7.3")));
    assertEquals(
        List.of("realm", "ownership"),
        on26.changes().stream().map(c -> c.id().path()).toList(),
        "a 26 realm has the role: nothing to create, and a built-in client's role of a new realm"
            + " is not updated (Keycloak refuses writes to realm-management's roles)");
    Plan on24 = new Planner().plan(List.of(spec), new LiveState(Map.of(), on("24.0.5")));
    assertEquals(
        List.of("realm", "roles/client/realm-management/view-organizations", "ownership"),
        on24.changes().stream().map(c -> c.id().path()).toList());
  }

  @Test
  void versionsParseAndOrderByNumber() {
    assertTrue(KeycloakVersion.of("26.10.0").atLeast(KeycloakVersion.of("26.9.1")));
    assertTrue(KeycloakVersion.of("26.0.8").before(KeycloakVersion.of("26.1")));
    assertEquals(KeycloakVersion.of("999.0.0"), KeycloakVersion.of("999.0.0-SNAPSHOT"));
    assertEquals("999.0.0-SNAPSHOT", KeycloakVersion.of("999.0.0-SNAPSHOT").toString());
    assertFalse(KeycloakVersion.parse("nightly").isPresent());
    assertEquals("25", KeycloakVersion.of("25.0").minorName());
    assertEquals("26.1", KeycloakVersion.of("26.1").minorName());
  }

  @Test
  void theSupportedListIsOrderedAndThePomBuildsTheNewest() throws IOException {
    List<KeycloakVersion> all = SupportedVersions.all();
    assertEquals(all.stream().sorted().toList(), all);
    Matcher pom =
        Pattern.compile("<keycloak.version>([^<]+)</keycloak.version>")
            .matcher(Files.readString(Path.of("pom.xml")));
    assertTrue(pom.find());
    assertEquals(SupportedVersions.newestTested(), KeycloakVersion.of(pom.group(1)));
    assertEquals(
        SupportedVersions.parse(Files.readAllLines(Path.of("ci/keycloak-versions.txt"))), all);
  }

  @Test
  void eachDifferenceIsNamedByTheVersionThatChangedIt() {
    assertEquals(
        List.of("KEYCLOAK_ADMIN", "KEYCLOAK_ADMIN_PASSWORD"),
        on("25.0.6").bootstrapAdminVariables());
    assertEquals(
        List.of("KC_BOOTSTRAP_ADMIN_USERNAME", "KC_BOOTSTRAP_ADMIN_PASSWORD"),
        on("26.0.8").bootstrapAdminVariables());
    assertEquals(
        Set.of("Client ID", "Client Host", "Client IP Address"),
        on("24.0.5").mappersKeycloakAttaches(true));
    assertEquals(
        Set.of("Client ID", "Client Host", "Client IP Address"),
        on("26.0.8").mappersKeycloakAttaches(true));
    assertEquals(Set.of(), on("26.0.8").mappersKeycloakAttaches(false));
    assertEquals(Set.of(), on("26.1.4").mappersKeycloakAttaches(true));
    assertEquals(Set.of("service_account"), on("26.1.4").scopesKeycloakAttaches(true));
    assertEquals(Set.of(), on("26.0.8").scopesKeycloakAttaches(true));
    assertFalse(on("24.0.5").clientScopesOfNewRealm().contains("basic"));
    assertTrue(on("25.0.6").clientScopesOfNewRealm().contains("basic"));
    assertFalse(on("25.0.6").clientScopesOfNewRealm().contains("organization"));
    assertTrue(on("26.0.8").clientScopesOfNewRealm().contains("organization"));
    assertEquals(401, on("26.5.6").invalidGrantStatus());
    assertEquals(400, on("26.7.3").invalidGrantStatus());
    assertFalse(on("26.5.6").devModeBindsLoopbackOnly());
    assertTrue(on("26.7.3").devModeBindsLoopbackOnly());
    assertEquals(
        List.of("--hostname-url=http://localhost:1"),
        on("24.0.5").hostnameOptions("http://localhost:1"));
    assertEquals(
        List.of("--hostname=http://localhost:1"),
        on("25.0.6").hostnameOptions("http://localhost:1"));
    assertEquals(List.of(), on("24.0.5").managementPortOptions(1));
    assertEquals(List.of("--http-management-port=1"), on("25.0.6").managementPortOptions(1));
    assertTrue(on("25.0.6").missingField(RealmSpec.KIND, "organizationsEnabled").isPresent());
    assertFalse(on("26.0.8").missingField(RealmSpec.KIND, "organizationsEnabled").isPresent());
    assertFalse(on("24.0.5").missingField(RealmSpec.KIND, "displayName").isPresent());
  }

  @Test
  void aNewerServerIsWarnedAboutAndPlannedAsTheNewestKnown() {
    VersionBehaviour newer = on("26.8.1");
    assertEquals(
        "planned against Keycloak 26.8.1, newest tested "
            + SupportedVersions.newestTested()
            + "; anything the spec uses that changed since may not plan right",
        newer.untested().orElseThrow());
    assertEquals(on("26.7.3").clientScopesOfNewRealm(), newer.clientScopesOfNewRealm());
    assertFalse(on(SupportedVersions.newestTested().text()).untested().isPresent());
    assertFalse(on("26.7.9").untested().isPresent(), "a later patch of a tested minor is tested");
    assertTrue(on("23.0.7").untested().isPresent());
  }

  @Test
  void theBasicScopeOn24IsRefusedAtItsLine() throws IOException {
    RealmSpec spec =
        spec("realm: r\nclients:\n  - clientId: app\n    defaultClientScopes: [basic, profile]\n");
    SpecException e =
        assertThrows(
            SpecException.class,
            () -> new Planner().plan(List.of(spec), new LiveState(Map.of(), on("24.0.5"))));
    assertTrue(
        e.getMessage()
            .endsWith(
                "r.yaml:4:27: client scope 'basic' needs Keycloak 25 or newer; the server runs"
                    + " 24.0.5"),
        e.getMessage());
    new Planner().plan(List.of(spec), new LiveState(Map.of(), on("25.0.6")));
  }

  @Test
  void aRealmFieldTheServerLacksIsRefusedAtItsLine() throws IOException {
    RealmSpec spec = spec("realm: r\norganizationsEnabled: true\n");
    SpecException e =
        assertThrows(
            SpecException.class,
            () -> new Planner().plan(List.of(spec), new LiveState(Map.of(), on("25.0.6"))));
    assertTrue(
        e.getMessage()
            .endsWith(
                "r.yaml:2:1: realm field 'organizationsEnabled' needs Keycloak 26 or newer; the"
                    + " server runs 25.0.6"),
        e.getMessage());
  }

  @Test
  void mappersKeycloakAttachedAreNoDriftOnTheVersionsThatAttachThem() throws IOException {
    RealmSpec spec =
        spec(
            "realm: r\nclients:\n  - clientId: app\n    serviceAccountsEnabled: true\n"
                + "    protocolMappers: []\n");
    Map<String, Map<String, Object>> attached =
        Map.of(
            "Client ID", Map.of("name", "Client ID"),
            "Client Host", Map.of("name", "Client Host"),
            "Client IP Address", Map.of("name", "Client IP Address"));
    LiveRealm live =
        LiveRealm.of(
                Map.of(
                    "realm",
                    "r",
                    "attributes",
                    Map.of("realmctl.ownership", "{\"clients\":[\"app\"]}")))
            .with(
                ClientPlanner.LIVE,
                Map.of(
                    "app",
                    new ClientPlanner.Live(
                        Map.of("clientId", "app", "serviceAccountsEnabled", true),
                        attached,
                        Set.of(),
                        Set.of())));
    Plan on26 = new Planner().plan(List.of(spec), new LiveState(Map.of("r", live), on("26.0.8")));
    assertTrue(
        on26.changes().stream().noneMatch(c -> c.id().path().contains("protocolMappers")),
        on26.changes()::toString);
    Plan on261 = new Planner().plan(List.of(spec), new LiveState(Map.of("r", live), on("26.1.4")));
    assertEquals(
        3,
        on261.changes().stream().filter(c -> c.id().path().contains("protocolMappers")).count(),
        "from 26.1 such mappers on a client are someone's, and the declared list is exact");
  }

  @Test
  void aNewRealmsDefaultScopesFollowItsScopes() {
    assertTrue(on("26.7.3").realmDefaultScopesOfNewRealm(false).contains("basic"));
    assertTrue(on("26.7.3").realmDefaultScopesOfNewRealm(true).contains("organization"));
    assertFalse(on("24.0.5").realmDefaultScopesOfNewRealm(false).contains("basic"));
    assertFalse(on("24.0.5").realmDefaultScopesOfNewRealm(true).contains("organization"));
  }
}
