package dev.realmctl.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.resourceserver.ResourceServer;
import dev.realmctl.resourceserver.TokenVerifier;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The sample API: started per scenario for a realm and an audience, called with tokens. */
public class ResourceServerSteps {
  private final World world;

  public ResourceServerSteps(World world) {
    this.world = world;
  }

  @Given("the API {string} trusts realm {string}")
  @Example("the API \"apiserver\" trusts realm \"coolproject\"")
  public void theApiTrustsRealm(String audience, String realm) {
    theApiTrustsRealmWithSkew(audience, realm, 30);
  }

  @Given("the API {string} trusts realm {string} with a clock skew of {int} second(s)")
  @Example("the API \"short-lived\" trusts realm \"coolproject\" with a clock skew of 1 second")
  public void theApiTrustsRealmWithSkew(String audience, String realm, int seconds) {
    if (world.run.apiUrl(audience).isPresent()) {
      return;
    }
    var verifier = new TokenVerifier(world.issuer(realm), audience, Duration.ofSeconds(seconds));
    world.resourceServers.put(audience, ResourceServer.start(verifier, "127.0.0.1", 0));
  }

  @Given("the API {string} trusts realm {string} and requires the realm role {string}")
  @Example(
      "the API \"fastapi-keycloak\" trusts realm \"testing\" and requires the realm role \"user\"")
  public void theApiRequiresARole(String audience, String realm, String role) {
    if (world.run.apiUrl(audience).isPresent()) {
      return;
    }
    Optional.ofNullable(world.resourceServers.remove(audience)).ifPresent(ResourceServer::close);
    var verifier = new TokenVerifier(world.issuer(realm), audience, Duration.ofSeconds(30));
    world.resourceServers.put(
        audience, ResourceServer.start(verifier, "127.0.0.1", 0, Optional.of(role)));
  }

  @When("the token is sent to {string} of the API {string}")
  @Example("the token is sent to \"/secure-data\" of the API \"apiserver\"")
  public void theTokenIsSent(String path, String audience) {
    sendToken(world.token(), path, audience);
  }

  void sendToken(String token, String path, String audience) {
    world.apiResponse =
        given().header("Authorization", "Bearer " + token).get(api(audience) + path);
  }

  @When("{string} of the API {string} is called without a token")
  @Example("\"/secure-data\" of the API \"apiserver\" is called without a token")
  public void calledWithoutAToken(String path, String audience) {
    world.apiResponse = given().get(api(audience) + path);
  }

  private String api(String audience) {
    return world.run.apiUrl(audience).orElseGet(() -> world.resourceServers.get(audience).url());
  }

  @Then("the API answers {int}")
  @Example("the API answers 200")
  public void theApiAnswers(int status) {
    assertEquals(status, world.apiResponse.statusCode(), world.apiResponse.asString());
  }

  @Then("the API grants access to the token's subject")
  @Example("the API grants access to the token's subject")
  public void theApiGrantsAccessToTheSubject() {
    theApiAnswers(200);
    assertEquals("You have access!", world.apiResponse.jsonPath().getString("message"));
    assertEquals(
        TokenRequests.claims(world.token()).getSubject(),
        world.apiResponse.jsonPath().getString("client"));
  }

  @Then("the API answers with:")
  @Example("the API answers with:")
  public void theApiAnswersWith(Map<String, String> expected) {
    theApiAnswers(200);
    expected.forEach(
        (field, value) ->
            assertEquals(value, world.apiResponse.jsonPath().getString(field), field));
  }

  @Then("the API refuses the token with a Bearer challenge")
  @Example("the API refuses the token with a Bearer challenge")
  public void theApiRefusesTheToken() {
    refusedWith(401, "invalid_token");
    assertFalse(world.apiResponse.asString().contains("Exception"), "no stack trace in a refusal");
    world.accessToken.ifPresent(
        token ->
            assertFalse(world.apiResponse.asString().contains(token), "the token is never echoed"));
  }

  @Then("the API refuses the token for want of the role {string}")
  @Example("the API refuses the token for want of the role \"user\"")
  public void theApiRefusesForWantOfTheRole(String role) {
    refusedWith(403, "insufficient_scope");
    assertTrue(world.apiResponse.jsonPath().getString("error_description").contains(role));
  }

  /** RFC 6750: the status, a Bearer challenge naming the error, the same error in the body. */
  private void refusedWith(int status, String error) {
    theApiAnswers(status);
    String challenge = world.apiResponse.header("WWW-Authenticate");
    assertTrue(
        challenge != null
            && challenge.startsWith("Bearer ")
            && challenge.contains("error=\"" + error + "\""),
        challenge);
    assertEquals(error, world.apiResponse.jsonPath().getString("error"));
  }

  @Then("the API asks for a token with a Bearer challenge")
  @Example("the API asks for a token with a Bearer challenge")
  public void theApiAsksForAToken() {
    theApiAnswers(401);
    String challenge = world.apiResponse.header("WWW-Authenticate");
    assertTrue(challenge != null && challenge.startsWith("Bearer realm="), challenge);
    assertFalse(
        challenge.contains("error="), "no error code when no token was sent (RFC 6750 3.1)");
  }
}
