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
import org.keycloak.representations.idm.OrganizationDomainRepresentation;

/** Organizations with domains, a linked identity provider and a member: converge, update, prune. */
class OrganizationIT {
  private static final String BASE =
      """
      organizationsEnabled: true
      identityProviders:
        - alias: corp-oidc
          providerId: oidc
          config:
            clientId: realmctl
            authorizationUrl: https://sso.example.test/auth
            tokenUrl: https://sso.example.test/token
      users:
        - username: bob
          email: bob@acme.test
          firstName: Bob
          lastName: Builder
      organizations:
        - name: acme
          description: Acme Inc
          domains: [{name: %s}]
          identityProviders: [{alias: corp-oidc}]
          members: [{username: bob}]
      """;

  private static final String GLOBEX =
      """
        - name: Globex Corporation
          alias: globex
          domains: [{name: globex.test}]
          attributes: {tier: [gold]}
      """;

  @TempDir Path folder;

  @Test
  void organizationsConvergeUpdatePruneAndExport() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        TestKeycloak.get()
            .behaviour()
            .missingField(dev.realmctl.spec.RealmSpec.KIND, "organizations")
            .isEmpty(),
        "organizations need Keycloak 26");
    String realm = Specs.uniqueName("orgs");
    try (Connection connection = TestKeycloak.get().connect();
        Admin admin = Admin.of(TestKeycloak.get())) {
      Reconciler reconciler = new Reconciler(connection);
      RealmSpec both = spec(realm, BASE.formatted("acme.test") + GLOBEX);
      reconciler.apply(reconciler.plan(List.of(both)), c -> {});

      var organizations = admin.realm(realm).organizations();
      var acme = organizations.search("acme", true, 0, 10, false).get(0);
      assertEquals("Acme Inc", acme.getDescription());
      assertEquals(Set.of("acme.test"), domains(acme.getDomains()));
      var acmeResource = organizations.get(acme.getId());
      assertEquals(
          List.of("corp-oidc"),
          acmeResource.identityProviders().getIdentityProviders().stream()
              .map(idp -> idp.getAlias())
              .toList());
      assertEquals(
          List.of("bob"),
          acmeResource.members().getAll().stream().map(m -> m.getUsername()).toList());
      assertTrue(reconciler.plan(List.of(both)).plan().isEmpty(), "a second plan is empty");

      RealmSpec moved = spec(realm, BASE.formatted("acme.example") + GLOBEX);
      var update = reconciler.plan(List.of(moved)).plan();
      assertEquals(
          List.of("UPDATE organizations/acme"),
          update.changes().stream().map(c -> c.action() + " " + c.id().path()).toList());
      reconciler.apply(reconciler.plan(List.of(moved)), c -> {});
      assertEquals(
          Set.of("acme.example"),
          domains(organizations.get(acme.getId()).toRepresentation().getDomains()));

      RealmSpec acmeOnly = spec(realm, BASE.formatted("acme.example"));
      assertTrue(reconciler.plan(List.of(acmeOnly)).plan().isEmpty(), "no prune, no delete");
      var pruning = reconciler.plan(List.of(acmeOnly), true);
      assertEquals(
          List.of("DELETE organizations/globex", "UPDATE ownership"),
          pruning.plan().changes().stream().map(c -> c.action() + " " + c.id().path()).toList());
      reconciler.apply(pruning, c -> {});
      assertEquals(
          List.of("acme"),
          organizations.search(null, false, 0, 10, true).stream().map(o -> o.getAlias()).toList());
    }

    Path exported = folder.resolve("exported.yaml");
    Cli.Run run = Cli.run("export", realm, "--output", exported.toString());
    assertEquals(0, run.exitCode(), run.err());
    String yaml = Files.readString(exported);
    assertTrue(yaml.contains("organizations:"), yaml);
    try (Connection connection = TestKeycloak.get().connect()) {
      var plan = new Reconciler(connection).plan(Specs.load(exported)).plan();
      assertTrue(plan.isEmpty(), () -> "exported spec plans changes: " + plan.changes());
    }
  }

  private static Set<String> domains(Set<OrganizationDomainRepresentation> domains) {
    return domains.stream()
        .map(OrganizationDomainRepresentation::getName)
        .collect(Collectors.toSet());
  }

  private RealmSpec spec(String realm, String body) throws IOException {
    Path file =
        Files.writeString(
            folder.resolve("orgs-" + body.hashCode() + ".yaml"), "realm: " + realm + "\n" + body);
    return Specs.load(file).get(0);
  }
}
