package dev.realmctl.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

class CompositePlannerTest {
  @TempDir Path folder;

  private static final String SPEC =
      """
      realm: r
      roles:
        realm:
          - name: reader
          - name: writer
          - name: editor
            composites:
              realm: [writer]
          - name: default-roles-r
            composites:
              realm: [offline_access, reader]
              client:
                account: [manage-account]
      """;

  @Test
  void aNewRealmsDefaultRoleHoldsBuiltInRolesBeforeTheyExist() throws IOException {
    Plan plan = new Planner().plan(List.of(spec(SPEC)), new LiveState(Map.of()));
    assertTrue(
        paths(plan)
            .contains("+ roles/realm/default-roles-r/composites/client/account/manage-account"),
        paths(plan).toString());
    assertTrue(
        paths(plan).stream().noneMatch(p -> p.equals("+ roles/realm/default-roles-r")),
        "Keycloak makes the default role with the realm");
  }

  @Test
  void aNewRealmsBuiltInClientRolesKeepTheCompositesKeycloakGivesThem() throws IOException {
    String export =
        """
        realm: r
        roles:
          client:
            realm-management:
              - name: realm-admin
                composite: true
                composites:
                  client:
                    realm-management: [view-users, manage-users]
              - name: view-users
              - name: manage-users
        """;
    Plan plan = new Planner().plan(List.of(spec(export)), new LiveState(Map.of()));
    assertTrue(
        paths(plan).stream().noneMatch(p -> p.contains("realm-management")),
        "Keycloak refuses writes to realm-management's roles: " + paths(plan));
  }

  @Test
  void aRoleMovedBetweenCompositesIsAddedBeforeItIsTakenAway() throws IOException {
    LiveState live =
        LiveRealms.realm("r")
            .realmRoles("reader", "writer", "editor", "default-roles-r", "offline_access")
            .clientRole("account", "manage-account")
            .composite("editor", new ScopeMappingPlanner.RoleScope(Set.of("reader"), Map.of()))
            .composite(
                "default-roles-r",
                new ScopeMappingPlanner.RoleScope(
                    Set.of("offline_access", "reader"),
                    Map.of("account", Set.of("manage-account"))))
            .state();
    Plan plan = new Planner().plan(List.of(spec(SPEC)), live);
    assertEquals(
        List.of(
            "+ roles/realm/editor/composites/realm/writer",
            "- roles/realm/editor/composites/realm/reader",
            "~ ownership"),
        paths(plan));
    assertEquals(1, plan.breakPoint().getAsInt());
  }

  @Test
  void aCompositeOfAnUnknownRoleFailsAtItsLine() throws IOException {
    var error =
        org.junit.jupiter.api.Assertions.assertThrows(
            SpecException.class,
            () ->
                new Planner()
                    .plan(
                        List.of(spec(SPEC.replace("realm: [writer]", "realm: [wirter]"))),
                        new LiveState(Map.of())));
    assertTrue(
        error.getMessage().contains("r.yaml:8:") && error.getMessage().contains("'wirter'"),
        error.getMessage());
  }

  private RealmSpec spec(String yaml) throws IOException {
    return dev.realmctl.support.SpecFiles.load(folder, yaml);
  }

  private static List<String> paths(Plan plan) {
    return dev.realmctl.support.SpecFiles.paths(plan);
  }
}
