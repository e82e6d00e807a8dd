package dev.realmctl.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.realmctl.plan.ProtocolMapperPlanner.Owner;
import dev.realmctl.spec.ClientScopeSpec;
import dev.realmctl.spec.ProtocolMapperSpec;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.support.SpecFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ProtocolMapperPlanner's diff: a declared list is the exact set, its config enforces only its own
 * keys, and what Keycloak attached by itself stays.
 */
class ProtocolMapperPlannerTest {
  private static final String MAPPERS =
      """
      realm: r
      clientScopes:
        - name: orders
          protocolMappers:
            - name: dept
              protocolMapper: oidc-usermodel-attribute-mapper
              config: {claim.name: dept, access.token.claim: "true"}
            - name: aud
              protocol: openid-connect
              protocolMapper: oidc-audience-mapper
      """;

  private static final Map<String, Object> DEPT =
      Map.of(
          "id",
          "m1",
          "name",
          "dept",
          "protocol",
          "openid-connect",
          "protocolMapper",
          "oidc-usermodel-attribute-mapper",
          "consentRequired",
          false,
          "config",
          Map.of("claim.name", "dept", "access.token.claim", "true", "jsonType.label", "String"));

  private static final Map<String, Object> AUD =
      Map.of("name", "aud", "protocol", "openid-connect", "protocolMapper", "oidc-audience-mapper");

  @TempDir Path folder;

  private List<ProtocolMapperSpec> mappers(String yaml) throws IOException {
    RealmSpec spec = SpecFiles.load(folder, yaml);
    return spec.of(ClientScopeSpec.SECTION).get(0).protocolMappers().orElseThrow();
  }

  private static Diff diff(
      List<ProtocolMapperSpec> desired,
      Map<String, Map<String, Object>> live,
      Set<String> keycloakAttached) {
    return ProtocolMapperPlanner.diff(
        "r", Owner.CLIENT_SCOPE, "orders", desired, live, keycloakAttached);
  }

  private static List<String> paths(Diff diff) {
    return diff.changes().stream().map(c -> c.action().symbol() + " " + c.id().path()).toList();
  }

  @Test
  void absentMappersAreCreatedWithTheirNameAndDefaultProtocol() throws IOException {
    Diff diff = diff(mappers(MAPPERS), Map.of(), Set.of());
    assertEquals(
        List.of(
            "+ clientScopes/orders/protocolMappers/dept",
            "+ clientScopes/orders/protocolMappers/aud"),
        paths(diff));
    assertEquals(AUD, diff.changes().get(1).after());
    assertEquals("openid-connect", diff.changes().get(0).after().get("protocol"));
    assertEquals(0, diff.unchanged());
  }

  @Test
  void mappersAsDeclaredAreUnchangedWhateverConfigKeycloakAdds() throws IOException {
    assertEquals(
        new Diff(List.of(), 2), diff(mappers(MAPPERS), Map.of("dept", DEPT, "aud", AUD), Set.of()));
  }

  @Test
  void aChangedConfigKeyIsAnUpdateNamingThatKey() throws IOException {
    Map<String, Object> drifted = new java.util.HashMap<>(DEPT);
    drifted.put("config", Map.of("claim.name", "department", "access.token.claim", "true"));
    Diff diff = diff(mappers(MAPPERS), Map.of("dept", drifted, "aud", AUD), Set.of());
    assertEquals(List.of("~ clientScopes/orders/protocolMappers/dept"), paths(diff));
    assertEquals(
        List.of(
            new FieldChange(
                "config",
                Optional.of("claim.name"),
                Optional.of("department"),
                Optional.of("dept"))),
        diff.changes().get(0).fields());
    assertEquals(Map.of("config", Map.of("claim.name", "dept")), diff.changes().get(0).after());
    assertEquals(1, diff.unchanged());
  }

  @Test
  void anUndeclaredMapperIsDeletedUnlessKeycloakAttachedIt() throws IOException {
    Map<String, Map<String, Object>> live =
        Map.of(
            "dept",
            DEPT,
            "aud",
            AUD,
            "legacy",
            Map.of("name", "legacy"),
            "Client ID",
            Map.of("name", "Client ID"));
    Diff diff = diff(mappers(MAPPERS), live, Set.of("Client ID"));
    assertEquals(List.of("- clientScopes/orders/protocolMappers/legacy"), paths(diff));
    assertEquals(Map.of("name", "legacy"), diff.changes().get(0).before());
  }

  @Test
  void aClientsMappersLiveUnderTheClient() {
    assertEquals(
        "clients/app/protocolMappers/dept",
        new ProtocolMapperPlanner.Id("r", Owner.CLIENT, "app", "dept").path());
  }

  @Test
  void aMapperTypeTheServerLacksIsRefusedAtItsValueAndUnknownProvidersRefuseNothing()
      throws IOException {
    var offered =
        new ServerProviders(
            Optional.empty(),
            Optional.of(
                Map.of(
                    ServerProviders.protocolMapper("openid-connect"),
                    Set.of("oidc-audience-mapper"))));
    List<ProtocolMapperSpec> mappers = mappers(MAPPERS);
    PlannerRun refused =
        PlannerRun.EXISTING_REALM
            .providers(offered)
            .plan(
                (spec, live, out) ->
                    ProtocolMapperPlanner.checkProviders(Optional.of(mappers), out),
                null,
                LiveRealm.empty());
    assertEquals(
        List.of(
            "6:25: this Keycloak has no openid-connect protocol mapper"
                + " 'oidc-usermodel-attribute-mapper' (is a plugin missing?)"),
        refused.problems());
    PlannerRun unknown =
        PlannerRun.EXISTING_REALM.plan(
            (spec, live, out) -> ProtocolMapperPlanner.checkProviders(Optional.of(mappers), out),
            null,
            LiveRealm.empty());
    assertEquals(List.of(), unknown.problems());
  }
}
