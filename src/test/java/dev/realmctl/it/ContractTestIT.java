package dev.realmctl.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.support.Admin;
import dev.realmctl.support.Specs;
import dev.realmctl.support.TestKeycloak;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team's own contract, as the team runs it: a folder outside the checkout holding only realms/
 * and features/, the built jar, the shared server. Green after apply; red, naming the scenario,
 * once a console change breaks what the feature promises.
 */
class ContractTestIT {
  @TempDir Path team;

  private final TestKeycloak keycloak = TestKeycloak.get();
  private final String realm = Specs.uniqueName("shop");
  private final String customerA = "s3cr3t-" + UUID.randomUUID();
  private final String customerB = "s3cr3t-" + UUID.randomUUID();

  @Test
  void aTeamsFeatureRunsGreenThenRedAfterAConsoleChange() throws Exception {
    Files.createDirectories(team.resolve("realms"));
    Files.createDirectories(team.resolve("features"));
    Files.writeString(team.resolve("realms/shop.yaml"), Specs.forServer(spec()));
    Files.writeString(team.resolve("features/customers.feature"), feature());

    Run applied = realmctl("apply");
    assertEquals(0, applied.code(), applied.output());

    Run green = realmctl("test");
    assertEquals(0, green.code(), green.output());
    assertTrue(green.output().contains("3 scenarios (3 passed)"), green.output());
    assertTrue(
        green.output().contains("Scenario: A customer with the audience reaches the orders API"),
        green.output());
    assertTrue(Files.exists(team.resolve("contract-report/junit.xml")));
    assertTrue(Files.exists(team.resolve("contract-report/contract.html")));

    try (Admin admin = Admin.of(keycloak)) {
      admin.detachDefaultScope(realm, "customer-a", "orders-audience");
    }
    Run red = realmctl("test");
    assertEquals(1, red.code(), red.output());
    assertTrue(
        red.output().contains("differs from its spec")
            && red.output().contains("clients/customer-a"),
        red.output());
    System.out.println(red.output());
    String failed = red.output().substring(red.output().indexOf("Failed scenarios:"));
    assertTrue(
        failed.contains("A customer with the audience reaches the orders API"), red.output());

    for (Run run : List.of(green, red)) {
      assertFalse(run.output().contains(customerA) || run.output().contains(customerB));
    }
  }

  @Test
  void aNameNoSpecDeclaresFailsSayingSo() throws Exception {
    Files.createDirectories(team.resolve("realms"));
    Files.createDirectories(team.resolve("features"));
    Files.writeString(team.resolve("realms/shop.yaml"), Specs.forServer(spec()));
    Files.writeString(
        team.resolve("features/unknown.feature"),
        """
        Feature: A typo
          Scenario: A customer nobody declared
            Given the realm "REALM" from "realms/shop.yaml" is applied
            When "customer-x" requests a client-credentials token from realm "REALM"
            Then Keycloak issues a token
        """
            .replace("REALM", realm));
    Run run = realmctl("test", "--apply");
    assertEquals(1, run.code(), run.output());
    assertTrue(
        run.output().contains("no spec declares the client 'customer-x' in realm '" + realm + "'"),
        run.output());
  }

  @AfterEach
  void removeTheRealm() {
    try (Admin admin = Admin.of(keycloak)) {
      admin.realm(realm).remove();
    } catch (jakarta.ws.rs.NotFoundException neverApplied) {
      // The test failed before applying it.
    }
  }

  private String spec() {
    return """
        realm: REALM
        clientScopes:
          - name: orders-audience
            protocol: openid-connect
            attributes: {include.in.token.scope: "false"}
            protocolMappers:
              - name: orders-audience
                protocolMapper: oidc-audience-mapper
                config:
                  included.client.audience: orders-api
                  access.token.claim: "true"
        clients:
          - clientId: orders-api
            standardFlowEnabled: false
            directAccessGrantsEnabled: false
          - clientId: customer-a
            secret: ${env:SHOP_CUSTOMER_A_SECRET}
            serviceAccountsEnabled: true
            standardFlowEnabled: false
            fullScopeAllowed: false
            defaultClientScopes: [basic, orders-audience]
            optionalClientScopes: []
          - clientId: customer-b
            secret: ${file:customer-b.secret}
            serviceAccountsEnabled: true
            standardFlowEnabled: false
            fullScopeAllowed: false
            defaultClientScopes: [basic]
            optionalClientScopes: []
        """
        .replace("REALM", realm);
  }

  private String feature() {
    return """
        Feature: Customers reach the orders API only with its audience
          Background:
            Given the realm "REALM" from "realms/shop.yaml" is applied
            And the API "orders-api" trusts realm "REALM"

          Scenario: A customer with the audience reaches the orders API
            Given "customer-a" has a client-credentials token from realm "REALM"
            Then the access token's audience is exactly "orders-api"
            When the token is sent to "/secure-data" of the API "orders-api"
            Then the API grants access to the token's subject

          Scenario: A customer without the audience is refused by the orders API
            Given "customer-b" has a client-credentials token from realm "REALM"
            Then the access token's audience does not include "orders-api"
            When the token is sent to "/secure-data" of the API "orders-api"
            Then the API refuses the token with a Bearer challenge

          Scenario: A wrong secret is refused
            When "customer-a" requests a client-credentials token from realm "REALM" with a wrong secret
            Then Keycloak refuses with status 401 and "unauthorized_client"
        """
        .replace("REALM", realm);
  }

  private record Run(int code, String output) {}

  /** The jar the build made, as a team's pipeline runs it: no Maven, no checkout. */
  private Run realmctl(String... args) throws IOException, InterruptedException {
    Files.writeString(team.resolve("realms/customer-b.secret"), customerB);
    Path jar = Specs.project().resolve("target/realmctl.jar").toAbsolutePath();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-jar", jar.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(team.toFile());
    builder.redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.clear();
    env.put("PATH", System.getenv("PATH"));
    env.put("KEYCLOAK_URL", keycloak.url());
    env.put("KEYCLOAK_USER", keycloak.adminUser());
    env.put("KEYCLOAK_PASSWORD", keycloak.adminPassword());
    env.put("SHOP_CUSTOMER_A_SECRET", customerA);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(process.waitFor(), output);
  }
}
