package dev.realmctl.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.keycloak.Connection;
import dev.realmctl.keycloak.Reconciler;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.support.Admin;
import dev.realmctl.support.Cli;
import dev.realmctl.support.Specs;
import dev.realmctl.support.TestKeycloak;
import dev.realmctl.support.TestSecrets;
import dev.realmctl.support.Tokens;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client's authorization services: apply, converge, a real UMA decision for a user who holds the
 * role and one who does not, update, prune, export.
 */
class AuthorizationIT {
  private static final String SPEC =
      """
      roles:
        realm:
          - name: orders-admin
      users:
        - username: ada
          enabled: true
          email: ada@example.test
          firstName: Ada
          lastName: Admin
          credentials:
            - type: password
              value: ${env:AUTHZ_USER_PASSWORD}
              temporary: false
          realmRoles: [orders-admin]
        - username: bob
          enabled: true
          email: bob@example.test
          firstName: Bob
          lastName: Nobody
          credentials:
            - type: password
              value: ${env:AUTHZ_USER_PASSWORD}
              temporary: false
      clients:
        - clientId: shop
          publicClient: false
          secret: ${env:AUTHZ_SHOP_SECRET}
          directAccessGrantsEnabled: true
          serviceAccountsEnabled: true
          authorizationServicesEnabled: true
          authorizationSettings:
            policyEnforcementMode: ENFORCING
            decisionStrategy: UNANIMOUS
            allowRemoteResourceManagement: false
            scopes:
              - name: view
              - name: edit
                displayName: Edit orders
            resources:
              - name: Orders
                type: urn:shop:resources:orders
                uris: [/orders/*]
                scopes: [{name: view}, {name: edit}]
            policies:
              - name: Only admins
                type: role
                logic: POSITIVE
                decisionStrategy: UNANIMOUS
                config:
                  roles: '[{"id":"orders-admin","required":false}]'
              - name: Only Ada
                type: user
                logic: POSITIVE
                decisionStrategy: UNANIMOUS
                config:
                  users: '["ada"]'
              - name: Admins or Ada
                type: aggregate
                logic: POSITIVE
                decisionStrategy: %s
                config:
                  applyPolicies: '["Only admins", "Only Ada"]'
              - name: Edit orders
                type: scope
                logic: POSITIVE
                decisionStrategy: UNANIMOUS
                config:
                  resources: '["Orders"]'
                  scopes: '["edit"]'
                  applyPolicies: '["Admins or Ada"]'
      """;

  /** A policy only the first spec declares: the prune removes it. */
  private static final String EXTRA_POLICY =
      String.join(
          "\n",
          "        - name: Business hours",
          "          type: time",
          "          logic: POSITIVE",
          "          decisionStrategy: UNANIMOUS",
          "          config:",
          "            hour: \"0\"",
          "            hourEnd: \"23\"",
          "");

  @TempDir Path folder;

  @Test
  void policiesDecideConvergeUpdatePruneAndExport() throws IOException {
    String realm = Specs.uniqueName("authz");
    String url = TestKeycloak.get().url();
    try (Connection connection = TestKeycloak.get().connect();
        Admin admin = Admin.of(TestKeycloak.get())) {
      Reconciler reconciler = new Reconciler(connection);
      RealmSpec first = spec(realm, "AFFIRMATIVE", EXTRA_POLICY);
      reconciler.apply(reconciler.plan(List.of(first)), c -> {});
      var second = reconciler.plan(List.of(first)).plan();
      assertTrue(second.isEmpty(), () -> "a second plan is empty: " + second.changes());

      assertEquals(200, decision(url, realm, "ada"), "ada holds orders-admin");
      assertEquals(403, decision(url, realm, "bob"), "bob holds nothing");

      RealmSpec changed = spec(realm, "UNANIMOUS", EXTRA_POLICY);
      var update = reconciler.plan(List.of(changed)).plan();
      assertEquals(
          List.of("UPDATE clients/shop/authorizationSettings/policies/Admins or Ada"),
          update.changes().stream().map(c -> c.action() + " " + c.id().path()).toList());
      reconciler.apply(reconciler.plan(List.of(changed)), c -> {});
      assertTrue(reconciler.plan(List.of(changed)).plan().isEmpty(), "the update took");

      RealmSpec without = spec(realm, "UNANIMOUS", "");
      assertTrue(reconciler.plan(List.of(without)).plan().isEmpty(), "no prune, no delete");
      var pruning = reconciler.plan(List.of(without), true);
      assertEquals(
          List.of(
              "DELETE clients/shop/authorizationSettings/policies/Business hours",
              "UPDATE ownership"),
          pruning.plan().changes().stream().map(c -> c.action() + " " + c.id().path()).toList());
      reconciler.apply(pruning, c -> {});
      var policies = admin.realm(realm).clients().findByClientId("shop").get(0).getId();
      var authz = admin.realm(realm).clients().get(policies).authorization();
      assertNull(findPolicy(authz, "Business hours"), "the pruned policy is gone");
      assertNotNull(findPolicy(authz, "Only admins"), "the declared policies stay");
    }

    Path exported = folder.resolve("exported.yaml");
    Cli.Run run = Cli.run("export", realm, "--output", exported.toString());
    assertEquals(0, run.exitCode(), run.err());
    String yaml = Files.readString(exported);
    assertTrue(yaml.contains("authorizationSettings"), yaml);
    String variable = realm.toUpperCase().replaceAll("[^A-Z0-9]+", "_") + "_SHOP_SECRET";
    TestSecrets secrets = TestSecrets.ofRun().with(variable, TestSecrets.get("AUTHZ_SHOP_SECRET"));
    try (Connection connection = TestKeycloak.get().connect()) {
      var plan = new Reconciler(connection).plan(Specs.load(secrets, exported)).plan();
      assertTrue(plan.isEmpty(), () -> "exported spec plans changes: " + plan.changes());
    }
  }

  private static org.keycloak.representations.idm.authorization.PolicyRepresentation findPolicy(
      org.keycloak.admin.client.resource.AuthorizationResource authz, String name) {
    try {
      return authz.policies().findByName(name);
    } catch (jakarta.ws.rs.NotFoundException absent) {
      return null;
    }
  }

  /** The UMA decision for {@code Orders#edit}, asked with the user's own access token. */
  private static int decision(String url, String realm, String username) {
    Response login =
        Tokens.password(
            url,
            realm,
            "shop",
            TestSecrets.get("AUTHZ_SHOP_SECRET"),
            username,
            TestSecrets.get("AUTHZ_USER_PASSWORD"));
    assertEquals(200, login.statusCode(), login.asString());
    Response decision =
        given()
            .auth()
            .oauth2(login.jsonPath().getString("access_token"))
            .formParam("grant_type", "urn:ietf:params:oauth:grant-type:uma-ticket")
            .formParam("audience", "shop")
            .formParam("permission", "Orders#edit")
            .formParam("response_mode", "decision")
            .post(Tokens.endpoint(url, realm));
    if (decision.statusCode() == 200) {
      assertEquals(true, decision.jsonPath().getBoolean("result"), decision.asString());
    }
    return decision.statusCode();
  }

  private RealmSpec spec(String realm, String strategy, String extra) throws IOException {
    String body =
        SPEC.formatted(strategy)
            .replace("        - name: Edit orders", extra + "        - name: Edit orders");
    Path file =
        Files.writeString(
            folder.resolve("authz-" + body.hashCode() + ".yaml"), "realm: " + realm + "\n" + body);
    return Specs.load(file).get(0);
  }
}
