package dev.realmctl.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.SpecException;
import dev.realmctl.support.LiveRealms;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthorizationPlannerTest {
  private static final String SPEC =
      """
      realm: r
      roles:
        realm:
          - name: orders-admin
      clients:
        - clientId: shop
          authorizationServicesEnabled: true
          authorizationSettings:
            scopes:
              - name: edit
            resources:
              - name: Orders
                scopes: [{name: edit}]
            policies:
              - name: Permission
                type: scope
                config:
                  resources: '["Orders"]'
                  scopes: '["edit"]'
                  applyPolicies: '["Either"]'
              - name: Either
                type: aggregate
                decisionStrategy: AFFIRMATIVE
                config:
                  applyPolicies: '["Admins"]'
              - name: Admins
                type: role
                config:
                  roles: '[{"id":"orders-admin","required":false}]'
      """;

  @TempDir Path folder;

  private RealmSpec spec(String yaml) throws IOException {
    return dev.realmctl.support.SpecFiles.load(folder, yaml);
  }

  private static LiveState live(AuthorizationPlanner.Read read) {
    return new LiveState(
        Map.of(
            "r",
            LiveRealms.unnamed()
                .owning("{}")
                .client("shop", "authorizationServicesEnabled", true)
                .realmRoles("orders-admin")
                .part(AuthorizationPlanner.LIVE, read)
                .build()));
  }

  private static List<String> paths(List<Change> changes) {
    return changes.stream()
        .filter(c -> c.id().kind() != Kind.OWNERSHIP)
        .map(c -> c.action().symbol() + " " + c.id().path())
        .toList();
  }

  @Test
  void scopesThenResourcesThenPoliciesBeneathWhatApplyThem() throws IOException {
    Plan plan =
        new Planner()
            .plan(List.of(spec(SPEC)), live(new AuthorizationPlanner.Read(Map.of(), Set.of())));
    String prefix = "+ clients/shop/authorizationSettings/";
    assertEquals(
        List.of(
            prefix + "scopes/edit",
            prefix + "resources/Orders",
            prefix + "policies/Admins",
            prefix + "policies/Either",
            prefix + "policies/Permission"),
        paths(ApplyOrder.of(plan.changes())));
  }

  @Test
  void theExportFormPlansNothing() throws IOException {
    var exported =
        new AuthorizationPlanner.Live(
            Map.of("policyEnforcementMode", "ENFORCING"),
            Map.of("edit", Map.of("name", "edit")),
            Map.of("Orders", Map.of("name", "Orders", "scopes", List.of(Map.of("name", "edit")))),
            Map.of(
                "Admins",
                Map.of(
                    "name",
                    "Admins",
                    "type",
                    "role",
                    "config",
                    Map.of("roles", "[{\"required\":false,\"id\":\"orders-admin\"}]")),
                "Either",
                Map.of(
                    "name",
                    "Either",
                    "type",
                    "aggregate",
                    "decisionStrategy",
                    "AFFIRMATIVE",
                    "config",
                    Map.of("applyPolicies", "[\"Admins\"]")),
                "Permission",
                Map.of(
                    "name",
                    "Permission",
                    "type",
                    "scope",
                    "config",
                    Map.of(
                        "resources", "[\"Orders\"]",
                        "scopes", "[\"edit\"]",
                        "applyPolicies", "[\"Either\"]"))));
    Plan plan =
        new Planner()
            .plan(
                List.of(spec(SPEC)),
                live(new AuthorizationPlanner.Read(Map.of("shop", exported), Set.of())));
    assertTrue(paths(plan.changes()).isEmpty(), () -> paths(plan.changes()).toString());
  }

  @Test
  void anUnknownPolicyOrRoleIsRefusedAtItsLine() throws IOException {
    RealmSpec spec =
        spec(
            SPEC.replace("'[\"Admins\"]'", "'[\"Nobody\"]'")
                .replace("\"id\":\"orders-admin\"", "\"id\":\"shop/ghost\""));
    var error =
        assertThrows(
            SpecException.class,
            () ->
                new Planner()
                    .plan(List.of(spec), live(new AuthorizationPlanner.Read(Map.of(), Set.of()))));
    assertTrue(error.getMessage().contains("policy 'Nobody' exists neither"), error.getMessage());
    assertTrue(error.getMessage().contains("role 'shop/ghost' exists neither"), error.getMessage());
    assertTrue(error.getMessage().contains("r.yaml:"), error.getMessage());
  }
}
