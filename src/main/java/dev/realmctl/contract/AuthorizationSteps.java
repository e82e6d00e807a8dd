package dev.realmctl.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.restassured.response.Response;

/** Authorization decisions: what a client's authorization services answer for a user. */
public class AuthorizationSteps {
  private final World world;
  private final TokenSteps tokens;
  private Response decision;

  public AuthorizationSteps(World world, TokenSteps tokens) {
    this.world = world;
    this.tokens = tokens;
  }

  @When("{string} asks {string} in realm {string} whether they may {string} the resource {string}")
  @Example(
      "\"ada\" asks \"orders-api\" in realm \"orders\" whether they may \"edit\" the resource"
          + " \"Orders\"")
  public void asks(String username, String clientId, String realm, String scope, String resource) {
    tokens.passwordGrant(username, clientId, realm);
    decision =
        given()
            .auth()
            .oauth2(world.token())
            .formParam("grant_type", "urn:ietf:params:oauth:grant-type:uma-ticket")
            .formParam("audience", clientId)
            .formParam("permission", resource + "#" + scope)
            .formParam("response_mode", "decision")
            .post(TokenRequests.endpoint(world.url(), world.realm(realm)));
  }

  @Then("the authorization services allow it")
  @Example("the authorization services allow it")
  public void allowed() {
    assertEquals(200, decision.statusCode(), decision.asString());
    assertEquals(true, decision.jsonPath().getBoolean("result"), decision.asString());
  }

  @Then("the authorization services deny it")
  @Example("the authorization services deny it")
  public void denied() {
    assertEquals(403, decision.statusCode(), decision.asString());
  }
}
