package dev.realmctl.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.realmctl.spec.RealmSpec;
import dev.realmctl.support.LiveRealms;
import dev.realmctl.support.SpecFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ClientScopePlanner: a scope's fields, its declared mappers as the exact set, and its prune. */
class ClientScopePlannerTest {
  private static final String SPEC =
      """
      realm: r
      clientScopes:
        - name: orders
          description: Orders
          protocolMappers:
            - name: dept
              protocolMapper: oidc-usermodel-attribute-mapper
              config: {claim.name: dept}
      """;

  private static final Map<String, Object> DEPT =
      Map.of(
          "name",
          "dept",
          "protocol",
          "openid-connect",
          "protocolMapper",
          "oidc-usermodel-attribute-mapper",
          "config",
          Map.of("claim.name", "dept", "access.token.claim", "true"));

  @TempDir Path folder;

  private RealmSpec spec(String yaml) throws IOException {
    return SpecFiles.load(folder, yaml);
  }

  private static LiveRealm live(
      Map<String, Object> fields, Map<String, Map<String, Object>> mappers) {
    return LiveRealms.realm("r")
        .part(
            ClientScopePlanner.LIVE, Map.of("orders", new ClientScopePlanner.Live(fields, mappers)))
        .build();
  }

  private static final Map<String, Object> ORDERS =
      Map.of("id", "1", "name", "orders", "protocol", "openid-connect", "description", "Orders");

  @Test
  void anAbsentScopeIsCreatedWholeWithItsMappersAndOpenIdConnectUnlessTold() throws IOException {
    PlannerRun run = PlannerRun.of(new ClientScopePlanner(), spec(SPEC), LiveRealm.empty());
    assertEquals(List.of("+ clientScopes/orders"), run.paths());
    assertEquals(
        Map.of(
            "name",
            "orders",
            "protocol",
            "openid-connect",
            "description",
            "Orders",
            "protocolMappers",
            List.of(
                Map.of(
                    "name",
                    "dept",
                    "protocol",
                    "openid-connect",
                    "protocolMapper",
                    "oidc-usermodel-attribute-mapper",
                    "config",
                    Map.of("claim.name", "dept")))),
        run.changes().get(0).after());
    assertEquals(
        "saml",
        PlannerRun.of(
                new ClientScopePlanner(),
                spec("realm: r\nclientScopes: [{name: orders, protocol: saml}]\n"),
                LiveRealm.empty())
            .changes()
            .get(0)
            .after()
            .get("protocol"));
  }

  @Test
  void aScopeAsDeclaredPlansNothingWhateverElseKeycloakKeepsOnIt() throws IOException {
    PlannerRun run =
        PlannerRun.of(new ClientScopePlanner(), spec(SPEC), live(ORDERS, Map.of("dept", DEPT)));
    assertEquals(new PlannerRun(List.of(), 2, List.of()), run);
  }

  @Test
  void aChangedFieldIsAnUpdateOfThatFieldOnly() throws IOException {
    Map<String, Object> renamed = new java.util.HashMap<>(ORDERS);
    renamed.put("description", "Old");
    PlannerRun run =
        PlannerRun.of(new ClientScopePlanner(), spec(SPEC), live(renamed, Map.of("dept", DEPT)));
    assertEquals(List.of("~ clientScopes/orders"), run.paths());
    assertEquals(
        List.of(
            new FieldChange(
                "description", Optional.empty(), Optional.of("Old"), Optional.of("Orders"))),
        run.changes().get(0).fields());
    assertEquals(1, run.unchanged());
  }

  @Test
  void declaredMappersAreTheExactSetAndUndeclaredOnesAreLeftAlone() throws IOException {
    Map<String, Map<String, Object>> mappers =
        Map.of("dept", DEPT, "legacy", Map.of("name", "legacy"));
    assertEquals(
        List.of("- clientScopes/orders/protocolMappers/legacy"),
        PlannerRun.of(new ClientScopePlanner(), spec(SPEC), live(ORDERS, mappers)).paths());

    String withoutMappers = "realm: r\nclientScopes: [{name: orders, description: Orders}]\n";
    assertEquals(
        new PlannerRun(List.of(), 1, List.of()),
        PlannerRun.of(new ClientScopePlanner(), spec(withoutMappers), live(ORDERS, mappers)));
  }

  @Test
  void aMapperTypeTheServerLacksIsRefusedAtItsLine() throws IOException {
    var providers =
        new ServerProviders(
            Optional.empty(),
            Optional.of(
                Map.of(
                    ServerProviders.protocolMapper("openid-connect"),
                    Set.of("oidc-audience-mapper"))));
    PlannerRun run =
        PlannerRun.EXISTING_REALM
            .providers(providers)
            .plan(new ClientScopePlanner(), spec(SPEC), LiveRealm.empty());
    assertEquals(
        List.of(
            "7:25: this Keycloak has no openid-connect protocol mapper"
                + " 'oidc-usermodel-attribute-mapper' (is a plugin missing?)"),
        run.problems());
  }

  @Test
  void pruneDeletesAnOwnedScopeButNeverABuiltInOne() {
    Owned scopes = new ClientScopePlanner().owned().get(0);
    LiveRealm live =
        LiveRealms.realm("r")
            .part(
                ClientScopePlanner.LIVE,
                Map.of(
                    "orders", new ClientScopePlanner.Live(ORDERS, Map.of()),
                    "profile", new ClientScopePlanner.Live(Map.of("name", "profile"), Map.of())))
            .build();
    Owned.Pruning pruning = new Owned.Pruning(Ownership.empty(), Ownership.empty());
    assertEquals(Ownership.CLIENT_SCOPES, scopes.key());
    assertEquals(Set.of("orders", "profile"), scopes.live(live));
    assertEquals(
        Optional.of(Change.delete(new ClientScopePlanner.Id("r", "orders"), ORDERS)),
        scopes.delete("r", "orders", live, pruning));
    assertEquals(Optional.empty(), scopes.delete("r", "profile", live, pruning));
  }
}
