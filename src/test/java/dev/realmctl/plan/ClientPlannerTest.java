package dev.realmctl.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.spec.ClientSpec;
import dev.realmctl.support.SpecFiles;
import dev.realmctl.version.VersionBehaviour;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ClientPlanner's pure steps: what stands for the live client, and the diff against it. */
class ClientPlannerTest {
  private static final VersionBehaviour KEYCLOAK = VersionBehaviour.newestTested();

  @TempDir Path folder;

  private ClientSpec client(String yaml) throws IOException {
    return SpecFiles.load(folder, "realm: r\nclients:\n" + yaml).of(ClientSpec.SECTION).get(0);
  }

  private static List<String> paths(Diff diff) {
    return diff.changes().stream().map(c -> c.action().symbol() + " " + c.id().path()).toList();
  }

  @Test
  void aBuiltInClientOfANewRealmStandsAsKeycloakMakesIt() {
    var standIn = ClientPlanner.existing("account", LiveRealm.empty(), false, KEYCLOAK);
    assertEquals(
        KEYCLOAK.builtInClientScopesOfNewRealm(false), standIn.get().defaultClientScopes());
    assertTrue(ClientPlanner.existing("account", LiveRealm.empty(), true, KEYCLOAK).isEmpty());
    assertTrue(ClientPlanner.existing("app", LiveRealm.empty(), false, KEYCLOAK).isEmpty());
  }

  @Test
  void fieldsThenMappersThenLinksAndWhatKeycloakAttachesStays() throws IOException {
    ClientSpec app =
        client(
            """
              - clientId: app
                serviceAccountsEnabled: true
                description: new
                protocolMappers:
                  - name: dept
                    protocol: openid-connect
                    protocolMapper: oidc-usermodel-attribute-mapper
                defaultClientScopes: [profile, orders]
            """);
    var live =
        new ClientPlanner.Live(
            Map.of("clientId", "app", "serviceAccountsEnabled", true, "description", "old"),
            Map.of("legacy", Map.of("name", "legacy")),
            Set.of("profile", "email", "service_account"),
            Set.of());
    assertEquals(
        List.of(
            "~ clients/app",
            "+ clients/app/protocolMappers/dept",
            "- clients/app/protocolMappers/legacy",
            "+ clients/app/defaultClientScopes/orders",
            "- clients/app/defaultClientScopes/email"),
        paths(ClientPlanner.diff("r", app, live, KEYCLOAK)));
  }

  @Test
  void aClientAsDeclaredIsOneUnchangedResource() throws IOException {
    ClientSpec app = client("  - clientId: app\n    description: same\n");
    var live =
        new ClientPlanner.Live(
            Map.of("clientId", "app", "description", "same"), Map.of(), Set.of("x"), Set.of());
    assertEquals(new Diff(List.of(), 1), ClientPlanner.diff("r", app, live, KEYCLOAK));
  }
}
