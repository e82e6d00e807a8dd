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
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keycloak.representations.idm.RoleRepresentation;

/** Composite roles and the realm's default role, as exports write them. */
class CompositeRoleIT {
  @TempDir Path folder;

  private static String spec(String realm, String editorHolds) {
    return """
        realm: %1$s
        clients:
          - clientId: shop
        roles:
          realm:
            - name: reader
            - name: writer
            - name: editor
              composite: true
              composites:
                realm: [%2$s]
                client:
                  shop: [orders-view]
            - name: default-roles-%1$s
              description: what every user gets
              composites:
                realm: [offline_access, uma_authorization, reader]
                client:
                  account: [view-profile, manage-account]
          client:
            shop:
              - name: orders-view
        """
        .formatted(realm, editorHolds);
  }

  @Test
  void compositesConvergeMoveAndRoundTrip() throws IOException {
    String realm = Specs.uniqueName("composites");
    try (Connection connection = TestKeycloak.get().connect();
        Admin admin = Admin.of(TestKeycloak.get())) {
      Reconciler reconciler = new Reconciler(connection);
      RealmSpec first = load(spec(realm, "reader, writer"));
      reconciler.apply(reconciler.plan(List.of(first)), c -> {});
      assertEquals(
          Set.of("reader", "writer", "orders-view"), held(admin, realm, "editor"), "editor holds");
      assertEquals(
          Set.of("offline_access", "uma_authorization", "reader", "view-profile", "manage-account"),
          held(admin, realm, "default-roles-" + realm));
      assertEquals(
          "what every user gets",
          admin
              .realm(realm)
              .roles()
              .get("default-roles-" + realm)
              .toRepresentation()
              .getDescription());
      assertTrue(reconciler.plan(List.of(first)).plan().isEmpty(), "a second plan is empty");

      RealmSpec narrower = load(spec(realm, "writer"));
      var plan = reconciler.plan(List.of(narrower)).plan();
      assertEquals(
          List.of("DELETE roles/realm/editor/composites/realm/reader"),
          plan.changes().stream().map(c -> c.action() + " " + c.id().path()).toList());
      reconciler.apply(reconciler.plan(List.of(narrower)), c -> {});
      assertEquals(Set.of("writer", "orders-view"), held(admin, realm, "editor"));
    }
    Path exported = folder.resolve("exported.yaml");
    Cli.Run run = Cli.run("export", realm, "--output", exported.toString());
    assertEquals(0, run.exitCode(), run.err());
    try (Connection connection = TestKeycloak.get().connect()) {
      var plan = new Reconciler(connection).plan(Specs.load(exported)).plan();
      assertTrue(
          plan.isEmpty(),
          () -> "exported spec plans changes: " + plan.changes() + "\n" + read(exported));
    }
  }

  private static Set<String> held(Admin admin, String realm, String role) {
    return admin.realm(realm).roles().get(role).getRoleComposites().stream()
        .map(RoleRepresentation::getName)
        .collect(Collectors.toSet());
  }

  private RealmSpec load(String yaml) throws IOException {
    Path file = Files.writeString(folder.resolve("composites-" + yaml.hashCode() + ".yaml"), yaml);
    return Specs.load(file).get(0);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return e.toString();
    }
  }
}
