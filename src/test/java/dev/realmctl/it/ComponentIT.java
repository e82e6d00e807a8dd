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

/**
 * Key providers, a client registration policy and required actions: apply, converge without
 * regenerating a key, update a priority, prune, export.
 */
class ComponentIT {
  private static final String BODY =
      """
      requiredActions:
        - alias: CONFIGURE_TOTP
          priority: 5
          defaultAction: true
        - alias: TERMS_AND_CONDITIONS
          enabled: true
      components:
        org.keycloak.keys.KeyProvider:
          - name: extra-rsa
            providerId: rsa-generated
            config: {priority: ["%s"], keySize: ["2048"]}
      %s
        org.keycloak.services.clientregistration.policy.ClientRegistrationPolicy:
          - name: Max Clients Limit
            providerId: max-clients
            subType: anonymous
            config: {max-clients: ["50"]}
      """;
  private static final String HMAC =
      """
          - name: extra-hmac
            providerId: hmac-generated
            config: {priority: ["90"], algorithm: ["HS256"]}
      """;

  @TempDir Path folder;

  @Test
  void keysPoliciesAndRequiredActionsConvergeUpdatePruneAndExport() throws IOException {
    String realm = Specs.uniqueName("components");
    try (Connection connection = TestKeycloak.get().connect();
        Admin admin = Admin.of(TestKeycloak.get())) {
      Reconciler reconciler = new Reconciler(connection);
      RealmSpec first = spec(realm, "150", HMAC);
      reconciler.apply(reconciler.plan(List.of(first)), c -> {});
      String kid = kid(admin, realm, "extra-rsa");

      connection.requests().reset();
      var again = reconciler.plan(List.of(first));
      System.out.printf("no-op plan: %d requests%n", connection.requests().total());
      assertTrue(again.plan().isEmpty(), () -> "a second plan is empty: " + again.plan());
      reconciler.apply(again, c -> {});
      assertEquals(kid, kid(admin, realm, "extra-rsa"), "a no-op apply keeps the generated key");
      var totp = admin.realm(realm).flows().getRequiredAction("CONFIGURE_TOTP");
      assertEquals(5, totp.getPriority());
      assertTrue(totp.isDefaultAction());
      assertEquals(
          "50",
          admin.realm(realm).components().query(null, null, "Max Clients Limit").stream()
              .filter(c -> "anonymous".equals(c.getSubType()))
              .findFirst()
              .orElseThrow()
              .getConfig()
              .getFirst("max-clients"));

      RealmSpec changed = spec(realm, "160", HMAC);
      var update = reconciler.plan(List.of(changed));
      assertEquals(
          List.of("UPDATE components/org.keycloak.keys.KeyProvider/extra-rsa"),
          update.plan().changes().stream().map(c -> c.action() + " " + c.id().path()).toList());
      reconciler.apply(update, c -> {});
      assertEquals(kid, kid(admin, realm, "extra-rsa"), "a priority change keeps the key");

      RealmSpec withoutHmac = spec(realm, "160", "");
      assertTrue(reconciler.plan(List.of(withoutHmac)).plan().isEmpty(), "no prune, no delete");
      var pruning = reconciler.plan(List.of(withoutHmac), true);
      assertEquals(
          List.of("DELETE components/org.keycloak.keys.KeyProvider/extra-hmac", "UPDATE ownership"),
          pruning.plan().changes().stream().map(c -> c.action() + " " + c.id().path()).toList());
      reconciler.apply(pruning, c -> {});
      assertTrue(admin.realm(realm).components().query(null, null, "extra-hmac").isEmpty());
    }
    Path exported = folder.resolve("exported.yaml");
    Cli.Run run = Cli.run("export", realm, "--output", exported.toString());
    assertEquals(0, run.exitCode(), run.err());
    String yaml = Files.readString(exported);
    assertTrue(yaml.contains("extra-rsa") && yaml.contains("CONFIGURE_TOTP"), yaml);
    try (Connection connection = TestKeycloak.get().connect()) {
      var plan = new Reconciler(connection).plan(Specs.load(exported)).plan();
      assertTrue(plan.isEmpty(), () -> "exported spec plans changes: " + plan.changes());
    }
  }

  private static String kid(Admin admin, String realm, String component) {
    String id = admin.realm(realm).components().query(null, null, component).get(0).getId();
    return admin.realm(realm).keys().getKeyMetadata().getKeys().stream()
        .filter(k -> id.equals(k.getProviderId()))
        .map(k -> k.getKid())
        .findFirst()
        .orElseThrow();
  }

  private RealmSpec spec(String realm, String priority, String hmac) throws IOException {
    String body = BODY.formatted(priority, hmac.stripTrailing());
    Path file =
        Files.writeString(
            folder.resolve("components-" + body.hashCode() + ".yaml"),
            "realm: " + realm + "\n" + body);
    return Specs.load(file).get(0);
  }
}
