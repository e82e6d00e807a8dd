package dev.realmctl.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.keycloak.Connection;
import dev.realmctl.keycloak.Reconciler;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.support.Admin;
import dev.realmctl.support.Cli;
import dev.realmctl.support.Specs;
import dev.realmctl.support.TestKeycloak;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;

/**
 * A top-level group named {@code ops/team} beside sub-group {@code team} of {@code ops}: Keycloak
 * gives both the path {@code /ops/team} by default, so realmctl writes the slash in a name as
 * {@code ~/}, as Keycloak does when it escapes slashes.
 */
class GroupSlashIT {
  private static final String SPEC =
      """
      roles:
        realm: [{name: operator}, {name: lead}]
      groups:
        - name: ops
          subGroups:
            - name: team
              realmRoles: [operator]
        - name: ops/team
          realmRoles: [lead]
      users:
        - username: ann
          email: ann@example.com
          firstName: Ann
          lastName: Lee
          groups: [/ops/team]
        - username: bob
          email: bob@example.com
          firstName: Bob
          lastName: Lee
          groups: [/ops~/team]
      """;

  @TempDir Path folder;

  @Test
  void aTopLevelGroupWithASlashAndTheSubGroupItsNameSpellsStayApart() throws IOException {
    String realm = Specs.uniqueName("groupslash");
    Path file = Files.writeString(folder.resolve("spec.yaml"), "realm: " + realm + "\n" + SPEC);
    try (Connection connection = TestKeycloak.get().connect();
        Admin admin = Admin.of(TestKeycloak.get())) {
      Reconciler reconciler = new Reconciler(connection);
      List<RealmSpec> spec = Specs.load(file);
      reconciler.apply(reconciler.plan(spec), c -> {});

      RealmResource live = admin.realm(realm);
      GroupRepresentation topLevel = topLevel(live, "ops/team");
      GroupRepresentation ops = topLevel(live, "ops");
      GroupRepresentation sub =
          live.groups().group(ops.getId()).getSubGroups(0, 10, true).stream()
              .filter(g -> g.getName().equals("team"))
              .findFirst()
              .orElseThrow();
      assertEquals(List.of("lead"), realmRoles(live, topLevel));
      assertEquals(List.of("operator"), realmRoles(live, sub));
      assertEquals(List.of("ann"), members(live, sub));
      assertEquals(List.of("bob"), members(live, topLevel));

      var again = reconciler.plan(spec).plan();
      assertTrue(again.isEmpty(), () -> "a second plan is empty: " + again.changes());

      // Made by hand, with no group 'solo' above it: the export used to look for that parent.
      GroupRepresentation byHand = new GroupRepresentation();
      byHand.setName("solo/hand");
      live.groups().add(byHand).close();
    }

    Path exported = folder.resolve("exported.yaml");
    Cli.Run run = Cli.run("export", realm, "--output", exported.toString());
    assertEquals(0, run.exitCode(), run.err());
    String yaml = Files.readString(exported);
    assertTrue(yaml.contains("/ops~/team"), yaml);
    assertTrue(yaml.contains("solo/hand"), yaml);
    try (Connection connection = TestKeycloak.get().connect()) {
      var plan = new Reconciler(connection).plan(Specs.load(exported)).plan();
      // Only the ownership record changes: the export declares the group made by hand.
      assertTrue(
          plan.resourceChanges().isEmpty(), () -> "exported spec plans changes: " + plan.changes());
    }
  }

  private static GroupRepresentation topLevel(RealmResource realm, String name) {
    return realm.groups().groups(0, 100).stream()
        .filter(g -> g.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no top-level group '" + name + "'"));
  }

  private static List<String> realmRoles(RealmResource realm, GroupRepresentation group) {
    return realm.groups().group(group.getId()).roles().realmLevel().listAll().stream()
        .map(RoleRepresentation::getName)
        .toList();
  }

  private static List<String> members(RealmResource realm, GroupRepresentation group) {
    return realm.groups().group(group.getId()).members().stream()
        .map(u -> u.getUsername())
        .toList();
  }
}
