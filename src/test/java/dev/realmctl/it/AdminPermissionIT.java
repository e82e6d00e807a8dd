package dev.realmctl.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.realmctl.contract.TokenRequests;
import dev.realmctl.keycloak.Connection;
import dev.realmctl.keycloak.Reconciler;
import dev.realmctl.plan.Plan;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.support.Admin;
import dev.realmctl.support.Cli;
import dev.realmctl.support.Specs;
import dev.realmctl.support.TestKeycloak;
import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * Fine-grained admin permissions (v2) all the way: a helpdesk group may view every user and one
 * client. Apply converges; the permission works (a helpdesk admin reads a user, not another
 * client); the export applies to a fresh realm and plans empty; a changed permission is one update;
 * a removed one is pruned; and a realm Keycloak's own import made from the same file is adopted
 * with no change.
 */
class AdminPermissionIT {
  private static final String POLICIES =
      """
          - name: helpdesk-admins
            type: group
            logic: POSITIVE
            decisionStrategy: UNANIMOUS
            config:
              groups: '[{"path":"/helpdesk","extendChildren":false}]'
          - name: helpdesk-view-users
            type: scope
            logic: POSITIVE
            decisionStrategy: UNANIMOUS
            config:
              defaultResourceType: Users
              resources: '["Users"]'
              scopes: '[%s]'
              applyPolicies: '["helpdesk-admins"]'
      """;

  private static final String SHOP_PERMISSION =
      """
          - name: helpdesk-view-shop
            type: scope
            logic: POSITIVE
            decisionStrategy: UNANIMOUS
            config:
              defaultResourceType: Clients
              resources: '["shop"]'
              scopes: '["view"]'
              applyPolicies: '["helpdesk-admins"]'
      """;

  private static final String REALM =
      """
      realm: %s
      enabled: true
      adminPermissionsEnabled: true
      groups:
        - name: helpdesk
      users:
        - username: helen
          enabled: true
          email: helen@example.test
          firstName: Helen
          lastName: Desk
          groups: [/helpdesk]
        - username: alice
          enabled: true
          email: alice@example.test
          firstName: Alice
          lastName: User
      clients:
        - clientId: shop
        - clientId: billing
        - clientId: admin-permissions
          authorizationSettings:
            policies:
      """;

  @TempDir Path folder;

  private String yaml(String realm, String scopes, boolean withShop) {
    return REALM.formatted(realm)
        + POLICIES.formatted(scopes).indent(4)
        + (withShop ? SHOP_PERMISSION.indent(4) : "");
  }

  private RealmSpec spec(String yaml) throws IOException {
    Path file = Files.writeString(folder.resolve("fgap-" + yaml.hashCode() + ".yaml"), yaml);
    return Specs.load(file).get(0);
  }

  private static List<String> changes(Plan plan) {
    return plan.resourceChanges().stream().map(c -> c.id().path()).toList();
  }

  @Test
  void permissionsConvergeWorkExportUpdatePruneAndAdoptKeycloaksImport() throws Exception {
    String realm = Specs.uniqueName("fgap2");
    String permissions = "clients/admin-permissions/authorizationSettings/policies/";
    RealmSpec spec = spec(yaml(realm, "\"view\"", true));
    try (Connection connection = TestKeycloak.get().connect();
        Admin admin = Admin.of(TestKeycloak.get())) {
      Reconciler reconciler = new Reconciler(connection);
      reconciler.apply(reconciler.plan(List.of(spec)), c -> {});
      Plan again = reconciler.plan(List.of(spec)).plan();
      assertTrue(again.isEmpty(), () -> "plans changes: " + again.changes());

      helpdeskAdminViewsUsersButNotOtherClients(admin.realm(realm), realm);

      // A changed permission is one update of it.
      RealmSpec changed = spec(yaml(realm, "\"view\",\"reset-password\"", true));
      Plan update = reconciler.plan(List.of(changed)).plan();
      assertEquals(List.of(permissions + "helpdesk-view-users"), changes(update), update::toString);
      reconciler.apply(reconciler.plan(List.of(changed)), c -> {});
      assertTrue(reconciler.plan(List.of(changed)).plan().isEmpty(), "the update converged");
      var policies = adminPermissions(admin.realm(realm)).policies();
      assertEquals(
          List.of("reset-password", "view"),
          policies.policy(policies.findByName("helpdesk-view-users").getId()).scopes().stream()
              .map(s -> s.getName())
              .sorted()
              .toList());

      // Left out, it stays; with --prune, it goes.
      RealmSpec withoutShop = spec(yaml(realm, "\"view\",\"reset-password\"", false));
      assertTrue(reconciler.plan(List.of(withoutShop)).plan().isEmpty(), "no prune, no delete");
      var pruning = reconciler.plan(List.of(withoutShop), true);
      assertEquals(List.of(permissions + "helpdesk-view-shop"), changes(pruning.plan()));
      reconciler.apply(pruning, c -> {});
      assertEquals(null, policies.findByName("helpdesk-view-shop"));
      assertTrue(reconciler.plan(List.of(withoutShop), true).plan().isEmpty(), "pruned");
    }

    // The export reads the same, and makes the same realm again.
    Path exported = folder.resolve("exported.yaml");
    Cli.Run run = Cli.run("export", realm, "--output", exported.toString());
    assertEquals(0, run.exitCode(), run.err());
    String text = Files.readString(exported);
    assertTrue(text.contains("adminPermissionsEnabled: true"), text);
    assertTrue(text.contains("helpdesk-view-users"), text);
    String copy = Specs.uniqueName("fgap2-copy");
    try (Connection connection = TestKeycloak.get().connect()) {
      Reconciler reconciler = new Reconciler(connection);
      var plan = reconciler.plan(Specs.load(exported)).plan();
      assertTrue(plan.isEmpty(), () -> "the export plans changes: " + plan.changes());
      RealmSpec fresh = Specs.load(exported).get(0).renamed(copy);
      reconciler.apply(reconciler.plan(List.of(fresh)), c -> {});
      Plan converged = reconciler.plan(List.of(fresh)).plan();
      assertTrue(converged.isEmpty(), () -> "the copy plans changes: " + converged.changes());
    }

    // Keycloak's own import of the same file is adopted as it is.
    String imported = Specs.uniqueName("fgap2-kc");
    String file = yaml(imported, "\"view\"", true);
    try (Admin admin = Admin.of(TestKeycloak.get())) {
      Map<?, ?> asJson = new org.yaml.snakeyaml.Yaml().load(file);
      admin
          .keycloak()
          .realms()
          .create(new ObjectMapper().convertValue(asJson, RealmRepresentation.class));
    }
    try (Connection connection = TestKeycloak.get().connect()) {
      Plan adopt = new Reconciler(connection).plan(List.of(spec(file))).plan();
      assertTrue(adopt.resourceChanges().isEmpty(), () -> "adopting plans: " + changes(adopt));
    }
  }

  private static org.keycloak.admin.client.resource.AuthorizationResource adminPermissions(
      RealmResource realm) {
    return realm
        .clients()
        .get(realm.clients().findByClientId("admin-permissions").get(0).getId())
        .authorization();
  }

  /** What the permission is for: helen, of the helpdesk, reads users and 'shop', not 'billing'. */
  private static void helpdeskAdminViewsUsersButNotOtherClients(RealmResource realm, String name) {
    String password = UUID.randomUUID().toString();
    CredentialRepresentation credential = new CredentialRepresentation();
    credential.setType("password");
    credential.setValue(password);
    credential.setTemporary(false);
    realm
        .users()
        .get(realm.users().searchByUsername("helen", true).get(0).getId())
        .resetPassword(credential);
    String url = TestKeycloak.get().url();
    String token =
        TokenRequests.password(url, name, "admin-cli", Optional.empty(), "helen", password)
            .then()
            .statusCode(200)
            .extract()
            .path("access_token");
    String alice = realm.users().searchByUsername("alice", true).get(0).getId();
    String shop = realm.clients().findByClientId("shop").get(0).getId();
    String billing = realm.clients().findByClientId("billing").get(0).getId();
    String admin = url + "/admin/realms/" + name;
    assertEquals(200, get(token, admin + "/users/" + alice), "helpdesk views a user");
    assertEquals(200, get(token, admin + "/clients/" + shop), "helpdesk views 'shop'");
    assertEquals(403, get(token, admin + "/clients/" + billing), "helpdesk cannot view 'billing'");
  }

  private static int get(String token, String url) {
    return RestAssured.given().auth().oauth2(token).get(url).statusCode();
  }
}
