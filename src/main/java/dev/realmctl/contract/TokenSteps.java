package dev.realmctl.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.version.VersionBehaviour;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.restassured.response.Response;
import java.util.Optional;

/**
 * Token requests to Keycloak, as client applications and users make them. A client's secret and a
 * user's password are the values their specs name.
 */
public class TokenSteps {
  private final World world;

  public TokenSteps(World world) {
    this.world = world;
  }

  private String secretOf(String realm, String clientId) {
    return world
        .clientSecret(realm, clientId)
        .orElseThrow(
            () -> new AssertionError("client '" + clientId + "' is public: it has no secret"));
  }

  @Given("{string} has a client-credentials token from realm {string}")
  @When("{string} requests a client-credentials token from realm {string}")
  @Example({
    "\"client-app\" has a client-credentials token from realm \"coolproject\"",
    "\"client-app\" requests a client-credentials token from realm \"coolproject\""
  })
  public void clientCredentials(String clientId, String realm) {
    record(
        TokenRequests.clientCredentials(
            world.url(), world.realm(realm), clientId, secretOf(realm, clientId)));
  }

  @When(
      "{string} requests a client-credentials token from realm {string} with its secret in the body")
  @Example(
      "\"client-app\" requests a client-credentials token from realm \"coolproject\" with its"
          + " secret in the body")
  public void clientCredentialsPost(String clientId, String realm) {
    record(
        given()
            .formParam("grant_type", "client_credentials")
            .formParam("client_id", clientId)
            .formParam("client_secret", secretOf(realm, clientId))
            .post(TokenRequests.endpoint(world.url(), world.realm(realm))));
  }

  /** The client need not be declared: an unknown client is refused the same way. */
  @When("{string} requests a client-credentials token from realm {string} with a wrong secret")
  @Example(
      "\"client-app\" requests a client-credentials token from realm \"coolproject\" with a wrong"
          + " secret")
  public void clientCredentialsWrongSecret(String clientId, String realm) {
    record(
        TokenRequests.clientCredentials(
            world.url(), world.realm(realm), clientId, "wrong-secret-of-the-contract"));
  }

  @Given("{string} has logged in through {string} in realm {string}")
  @When("{string} logs in through {string} in realm {string}")
  @Example({
    "\"alice\" has logged in through \"fastapi-keycloak\" in realm \"testing\"",
    "\"alice\" logs in through \"fastapi-keycloak\" in realm \"testing\""
  })
  public void passwordGrant(String username, String clientId, String realm) {
    logIn(username, clientId, realm, world.password(realm, username));
  }

  /**
   * A password the scenario gives: a wrong one, one an administrator set, or a reference such as
   * {@code ${env:NAME}} for a user no spec declares (a directory's).
   */
  @When("{string} logs in through {string} in realm {string} with password {string}")
  @Example({
    "\"alice\" logs in through \"fastapi-keycloak\" in realm \"testing\" with password"
        + " \"not-her-password\"",
    "\"grace\" logs in through \"directory-app\" in realm \"directory\" with password"
        + " \"${env:DIRECTORY_GRACE_PASSWORD}\""
  })
  public void passwordGrantWith(String username, String clientId, String realm, String password) {
    logIn(username, clientId, realm, RealmCatalog.resolve(world.run, password));
  }

  private void logIn(String username, String clientId, String realm, String password) {
    record(
        TokenRequests.password(
            world.url(),
            world.realm(realm),
            clientId,
            world.clientSecret(realm, clientId),
            username,
            password));
  }

  void record(Response response) {
    world.tokenResponse = response;
    // A flow's error page answers in HTML.
    boolean json = String.valueOf(response.contentType()).contains("json");
    world.accessToken =
        json
            ? Optional.ofNullable(response.jsonPath().getString("access_token"))
            : Optional.empty();
  }

  @Then("Keycloak issues a token")
  @Example("Keycloak issues a token")
  public void keycloakIssuesAToken() {
    assertEquals(200, world.tokenResponse.statusCode(), world.tokenResponse.asString());
  }

  @Then("Keycloak refuses with {string}")
  @Example("Keycloak refuses with \"invalid_client\"")
  public void keycloakRefusesWith(String error) {
    assertEquals(
        error, world.tokenResponse.jsonPath().getString("error"), world.tokenResponse.asString());
  }

  @Then("Keycloak refuses with status {int} and {string}")
  @Example("Keycloak refuses with status 401 and \"unauthorized_client\"")
  public void keycloakRefusesWithStatus(int status, String error) {
    assertEquals(status, world.tokenResponse.statusCode(), world.tokenResponse.asString());
    keycloakRefusesWith(error);
  }

  /** 401 before Keycloak 26.6, 400 from then on: the version place says which. */
  @Then("the status is the one this Keycloak version gives a refused password")
  @Example("the status is the one this Keycloak version gives a refused password")
  public void statusOfARefusedPassword() {
    VersionBehaviour keycloak = world.behaviour();
    assertEquals(
        keycloak.invalidGrantStatus(),
        world.tokenResponse.statusCode(),
        keycloak + ": " + world.tokenResponse.asString());
  }

  @Then("Keycloak refuses with {string} saying {string}")
  @Example("Keycloak refuses with \"invalid_grant\" saying \"Invalid user credentials\"")
  public void keycloakRefusesSaying(String error, String description) {
    keycloakRefusesWith(error);
    assertEquals(description, world.tokenResponse.jsonPath().getString("error_description"));
  }

  /** A deny-access step answers the password grant with its error page, not a JSON error. */
  @Then("the realm's authentication flow denies the login")
  @Example("the realm's authentication flow denies the login")
  public void theFlowDenies() {
    assertEquals(401, world.tokenResponse.statusCode(), world.tokenResponse.asString());
    assertTrue(
        String.valueOf(world.tokenResponse.contentType()).startsWith("text/html"),
        world.tokenResponse.asString());
  }

  @Then("the response has no refresh token")
  @Example("the response has no refresh token")
  public void noRefreshToken() {
    assertNull(world.tokenResponse.jsonPath().getString("refresh_token"));
  }
}
