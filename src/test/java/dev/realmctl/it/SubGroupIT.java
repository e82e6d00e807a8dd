package dev.realmctl.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.keycloak.Connection;
import dev.realmctl.keycloak.Reconciler;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.support.Admin;
import dev.realmctl.support.Cli;
import dev.realmctl.support.Specs;
import dev.realmctl.support.TestKeycloak;
import jakarta.ws.rs.NotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;

/** Groups three levels deep: apply, converge, move a user between sub-groups, prune, export. */
class SubGroupIT {
  private static final String TREE =
      """
      roles:
        realm: [{name: operator}]
      groups:
        - name: staff
          subGroups:
      %s
            - name: dev
      users:
        - username: ann
          email: ann@example.com
          firstName: Ann
          lastName: Lee
          groups: [%s]
      """;

  /** The sub-tree under staff that the prune drops, indented as TREE lists staff's sub-groups. */
  private static final String OPS =
      """
      - name: ops
        realmRoles: [operator]
        attributes: {shift: [day]}
        subGroups:
          - name: oncall
            subGroups:
              - name: night
      """
          .indent(6)
          .stripTrailing();

  @TempDir Path folder;

  @Test
  void subGroupsConvergeMoveAUserPruneAndExport() throws IOException {
    String realm = Specs.uniqueName("subgroups");
    try (Connection connection = TestKeycloak.get().connect();
        Admin admin = Admin.of(TestKeycloak.get())) {
      Reconciler reconciler = new Reconciler(connection);
      RealmSpec first = spec(realm, TREE.formatted(OPS, "/staff/ops/oncall"));
      reconciler.apply(reconciler.plan(List.of(first)), c -> {});

      var ops = admin.realm(realm).getGroupByPath("/staff/ops");
      assertEquals(List.of("day"), ops.getAttributes().get("shift"));
      assertEquals(
          List.of("operator"),
          admin.realm(realm).groups().group(ops.getId()).roles().realmLevel().listAll().stream()
              .map(RoleRepresentation::getName)
              .toList());
      assertEquals("/staff/ops/oncall/night", group(admin, realm, "/staff/ops/oncall/night"));
      assertEquals(List.of("/staff/ops/oncall"), groupsOf(admin, realm, "ann"));
      var again = reconciler.plan(List.of(first)).plan();
      assertTrue(again.isEmpty(), () -> "a second plan is empty: " + again.changes());

      RealmSpec moved = spec(realm, TREE.formatted(OPS, "/staff/dev"));
      var move = reconciler.plan(List.of(moved));
      assertEquals(
          List.of("CREATE users/ann/groups/staff/dev", "DELETE users/ann/groups/staff/ops/oncall"),
          move.plan().changes().stream().map(c -> c.action() + " " + c.id().path()).toList(),
          "the user joins before leaving");
      reconciler.apply(move, c -> {});
      assertEquals(List.of("/staff/dev"), groupsOf(admin, realm, "ann"));

      RealmSpec pruned = spec(realm, TREE.formatted("", "/staff/dev"));
      var pruning = reconciler.plan(List.of(pruned), true);
      assertEquals(
          List.of("DELETE groups/staff/ops", "UPDATE ownership"),
          pruning.plan().changes().stream().map(c -> c.action() + " " + c.id().path()).toList(),
          "the sub-tree goes with its top");
      reconciler.apply(pruning, c -> {});
      assertThrows(
          NotFoundException.class, () -> admin.realm(realm).getGroupByPath("/staff/ops/oncall"));
      assertEquals("/staff/dev", group(admin, realm, "/staff/dev"));
      var afterPrune = reconciler.plan(List.of(pruned), true).plan();
      assertTrue(afterPrune.isEmpty(), () -> "pruned: " + afterPrune.changes());

      // The tree back, for the export to carry three levels.
      reconciler.apply(reconciler.plan(List.of(moved)), c -> {});
    }

    Path exported = folder.resolve("exported.yaml");
    Cli.Run run = Cli.run("export", realm, "--output", exported.toString());
    assertEquals(0, run.exitCode(), run.err());
    String yaml = Files.readString(exported);
    assertTrue(yaml.contains("subGroups"), yaml);
    assertTrue(yaml.contains("/staff/dev"), yaml);
    try (Connection connection = TestKeycloak.get().connect()) {
      var plan = new Reconciler(connection).plan(Specs.load(exported)).plan();
      assertTrue(plan.isEmpty(), () -> "exported spec plans changes: " + plan.changes());
    }
  }

  private static String group(Admin admin, String realm, String path) {
    return admin.realm(realm).getGroupByPath(path).getPath();
  }

  private static List<String> groupsOf(Admin admin, String realm, String username) {
    var user = admin.realm(realm).users().searchByUsername(username, true).get(0);
    return admin.realm(realm).users().get(user.getId()).groups().stream()
        .map(GroupRepresentation::getPath)
        .toList();
  }

  private RealmSpec spec(String realm, String body) throws IOException {
    Path file =
        Files.writeString(
            folder.resolve("subgroups-" + body.hashCode() + ".yaml"),
            "realm: " + realm + "\n" + body);
    return Specs.load(file).get(0);
  }
}
