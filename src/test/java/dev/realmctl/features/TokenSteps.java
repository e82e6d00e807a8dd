package dev.realmctl.features;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.support.Tokens;
import dev.realmctl.version.VersionBehaviour;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Token requests to Keycloak, as client applications and users make them. */
public class TokenSteps {
  /** Which secret of the run belongs to which client or user of the shipped realms. */
  private static final Map<String, String> SECRETS =
      Map.of(
          "client-app", "COOLPROJECT_CLIENT_APP_SECRET",
          "fastapi-keycloak", "TESTING_FASTAPI_CLIENT_SECRET",
          "alice", "TESTING_ALICE_PASSWORD",
          "partner-acme", "ATLAS_PARTNER_ACME_SECRET",
          "partner-globex", "ATLAS_PARTNER_GLOBEX_SECRET",
          "ada", "GUARDED_ADA_PASSWORD",
          "bob", "GUARDED_BOB_PASSWORD",
          "orders-api", "ORDERS_API_SECRET",
          "grace", "DIRECTORY_GRACE_PASSWORD");

  private final World world;

  public TokenSteps(World world) {
    this.world = world;
  }

  String secretOf(String name) {
    return Optional.ofNullable(SECRETS.get(name))
        .map(world.target::secret)
        .orElse("no-such-secret");
  }

  @Given("{string} has a client-credentials token from realm {string}")
  @When("{string} requests a client-credentials token from realm {string}")
  public void clientCredentials(String clientId, String realm) {
    record(
        Tokens.clientCredentials(
            world.keycloak.url(), world.realm(realm), clientId, secretOf(clientId)));
  }

  @When(
      "{string} requests a client-credentials token from realm {string} with its secret in the body")
  public void clientCredentialsPost(String clientId, String realm) {
    record(
        given()
            .formParam("grant_type", "client_credentials")
            .formParam("client_id", clientId)
            .formParam("client_secret", secretOf(clientId))
            .post(Tokens.endpoint(world.keycloak.url(), world.realm(realm))));
  }

  @When("{string} requests a client-credentials token from realm {string} with a wrong secret")
  public void clientCredentialsWrongSecret(String clientId, String realm) {
    record(
        Tokens.clientCredentials(
            world.keycloak.url(), world.realm(realm), clientId, "wrong-secret"));
  }

  @Given("{string} has logged in through {string} in realm {string}")
  @When("{string} logs in through {string} in realm {string}")
  public void passwordGrant(String username, String clientId, String realm) {
    passwordGrantWith(username, clientId, realm, secretOf(username));
  }

  @When("{string} logs in through {string} in realm {string} with password {string}")
  public void passwordGrantWith(String username, String clientId, String realm, String password) {
    record(
        Tokens.password(
            world.keycloak.url(),
            world.realm(realm),
            clientId,
            secretOf(clientId),
            username,
            password));
  }

  private void record(Response response) {
    world.tokenResponse = response;
    // A flow's error page answers in HTML.
    boolean json = String.valueOf(response.contentType()).contains("json");
    world.accessToken =
        json
            ? Optional.ofNullable(response.jsonPath().getString("access_token"))
            : Optional.empty();
  }

  @Then("Keycloak issues a token")
  public void keycloakIssuesAToken() {
    assertEquals(200, world.tokenResponse.statusCode(), world.tokenResponse.asString());
  }

  @Then("Keycloak refuses with {string}")
  public void keycloakRefusesWith(String error) {
    assertEquals(
        error, world.tokenResponse.jsonPath().getString("error"), world.tokenResponse.asString());
  }

  @Then("Keycloak refuses with status {int} and {string}")
  public void keycloakRefusesWithStatus(int status, String error) {
    assertEquals(status, world.tokenResponse.statusCode(), world.tokenResponse.asString());
    keycloakRefusesWith(error);
  }

  /** 401 before Keycloak 26.6, 400 from then on: the version place says which. */
  @Then("the status is the one this Keycloak version gives a refused password")
  public void statusOfARefusedPassword() {
    VersionBehaviour keycloak;
    try {
      keycloak = world.keycloak.behaviour();
    } catch (RuntimeException noAdminLogin) {
      return; // A contract run without an admin login cannot learn the version: the code must do.
    }
    assertEquals(
        keycloak.invalidGrantStatus(),
        world.tokenResponse.statusCode(),
        keycloak + ": " + world.tokenResponse.asString());
  }

  @Then("Keycloak refuses with {string} saying {string}")
  public void keycloakRefusesSaying(String error, String description) {
    keycloakRefusesWith(error);
    assertEquals(description, world.tokenResponse.jsonPath().getString("error_description"));
  }

  /** A deny-access step answers the password grant with its error page, not a JSON error. */
  @Then("the realm's authentication flow denies the login")
  public void theFlowDenies() {
    assertEquals(401, world.tokenResponse.statusCode(), world.tokenResponse.asString());
    assertTrue(
        String.valueOf(world.tokenResponse.contentType()).startsWith("text/html"),
        world.tokenResponse.asString());
  }

  @Then("the response has no refresh token")
  public void noRefreshToken() {
    assertNull(world.tokenResponse.jsonPath().getString("refresh_token"));
  }

  @Then("the access token has claim {string} = {string}")
  public void claimEquals(String claim, String value) {
    assertEquals(value, String.valueOf(Tokens.claims(world.token()).getClaim(claim)));
  }

  @Then("the access token's audience is exactly {string}")
  public void audienceIsExactly(String audience) {
    assertEquals(List.of(audience), Tokens.claims(world.token()).getAudience());
  }

  @Then("the access token carries the realm role {string}")
  public void carriesRealmRole(String role) throws java.text.ParseException {
    Map<String, Object> access = Tokens.claims(world.token()).getJSONObjectClaim("realm_access");
    assertTrue(
        access != null && access.get("roles") instanceof List<?> roles && roles.contains(role),
        "realm_access: " + access);
  }
}
