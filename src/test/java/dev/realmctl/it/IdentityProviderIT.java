package dev.realmctl.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.keycloak.Connection;
import dev.realmctl.keycloak.Reconciler;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.support.Admin;
import dev.realmctl.support.Cli;
import dev.realmctl.support.Specs;
import dev.realmctl.support.TestKeycloak;
import dev.realmctl.support.TestSecrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Identity providers and their mappers: apply, converge, update, prune, export. */
class IdentityProviderIT {
  private static final String PROVIDER =
      """
      identityProviders:
        - alias: corp-oidc
          providerId: oidc
          displayName: Corporate SSO
          trustEmail: true
          config:
            clientId: realmctl
            clientSecret: ${env:CORP_IDP_SECRET}
            authorizationUrl: https://sso.example.test/auth
            tokenUrl: https://sso.example.test/token
            clientAuthMethod: client_secret_post
      """;

  private static final String MAPPER =
      """
      identityProviderMappers:
        - name: department
          identityProviderAlias: corp-oidc
          identityProviderMapper: hardcoded-attribute-idp-mapper
          config:
            attribute: department
            attribute.value: %s
      """;

  @TempDir Path folder;

  @Test
  void providerAndMapperConvergeUpdateAndPrune() throws IOException {
    String realm = Specs.uniqueName("idp");
    try (Connection connection = TestKeycloak.get().connect();
        Admin admin = Admin.of(TestKeycloak.get())) {
      Reconciler reconciler = new Reconciler(connection);
      RealmSpec first = spec(realm, PROVIDER + MAPPER.formatted("engineering"));
      reconciler.apply(reconciler.plan(List.of(first)), c -> {});

      var provider = admin.realm(realm).identityProviders().get("corp-oidc").toRepresentation();
      assertEquals("Corporate SSO", provider.getDisplayName());
      assertEquals("**********", provider.getConfig().get("clientSecret"), "the secret is set");
      assertTrue(reconciler.plan(List.of(first)).plan().isEmpty(), "a second plan is empty");

      RealmSpec changed = spec(realm, PROVIDER + MAPPER.formatted("operations"));
      var update = reconciler.plan(List.of(changed)).plan();
      assertEquals(
          List.of("UPDATE identityProviders/corp-oidc/mappers/department"),
          update.changes().stream().map(c -> c.action() + " " + c.id().path()).toList());
      reconciler.apply(reconciler.plan(List.of(changed)), c -> {});
      var mapper = admin.realm(realm).identityProviders().get("corp-oidc").getMappers().get(0);
      assertEquals("operations", mapper.getConfig().get("attribute.value"));

      RealmSpec withoutMapper = spec(realm, PROVIDER);
      assertTrue(reconciler.plan(List.of(withoutMapper)).plan().isEmpty(), "no prune, no delete");
      var pruning = reconciler.plan(List.of(withoutMapper), true);
      assertEquals(
          List.of("DELETE identityProviders/corp-oidc/mappers/department", "UPDATE ownership"),
          pruning.plan().changes().stream().map(c -> c.action() + " " + c.id().path()).toList());
      reconciler.apply(pruning, c -> {});
      assertTrue(admin.realm(realm).identityProviders().get("corp-oidc").getMappers().isEmpty());
      assertTrue(
          admin.realm(realm).identityProviders().get("corp-oidc").toRepresentation() != null,
          "the provider stays");
    }
  }

  @Test
  void exportNamesTheSecretAndPlansEmpty() throws IOException {
    String realm = Specs.uniqueName("idp-export");
    try (Connection connection = TestKeycloak.get().connect()) {
      Reconciler reconciler = new Reconciler(connection);
      RealmSpec spec = spec(realm, PROVIDER + MAPPER.formatted("engineering"));
      reconciler.apply(reconciler.plan(List.of(spec)), c -> {});
    }
    Path exported = folder.resolve("exported.yaml");
    Cli.Run run = Cli.run("export", realm, "--output", exported.toString());
    assertEquals(0, run.exitCode(), run.err());
    String yaml = Files.readString(exported);
    assertFalse(yaml.contains(TestSecrets.get("CORP_IDP_SECRET")), "the export holds the secret");
    String variable = realm.toUpperCase().replaceAll("[^A-Z0-9]+", "_") + "_CORP_OIDC_IDP_SECRET";
    assertTrue(yaml.contains("${env:" + variable + "}"), yaml);

    TestSecrets secrets = TestSecrets.ofRun().with(variable, TestSecrets.get("CORP_IDP_SECRET"));
    try (Connection connection = TestKeycloak.get().connect()) {
      var plan = new Reconciler(connection).plan(Specs.load(secrets, exported)).plan();
      assertTrue(plan.isEmpty(), () -> "exported spec plans changes: " + plan.changes());
    }
  }

  private RealmSpec spec(String realm, String body) throws IOException {
    Path file =
        Files.writeString(
            folder.resolve("idp-" + body.hashCode() + ".yaml"), "realm: " + realm + "\n" + body);
    return Specs.load(file).get(0);
  }
}
