package dev.realmctl.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cucumber.java.en.When;
import io.restassured.response.Response;

/**
 * Ending what a login started, as an application does: revoking its refresh token (RFC 7009), or
 * logging the user out of the session from the back channel with the refresh token. Whether it
 * worked is what Keycloak then says about the tokens: a refresh is refused, introspection says the
 * access token is not active.
 */
public class LogoutSteps {
  private final World world;

  public LogoutSteps(World world) {
    this.world = world;
  }

  @When("{string} revokes the refresh token in realm {string}")
  @Example("\"portal-app\" revokes the refresh token in realm \"portal\"")
  public void revokesTheRefreshToken(String clientId, String realm) {
    Response revoked =
        world
            .asClient(realm, clientId)
            .formParam("token", world.refreshToken())
            .formParam("token_type_hint", "refresh_token")
            .post(world.issuer(realm) + "/protocol/openid-connect/revoke");
    assertEquals(
        200, revoked.statusCode(), "Keycloak refused the revocation: " + revoked.asString());
  }

  /**
   * The user is named to say whose session ends: the tokens at hand must be that user's, or the
   * scenario would prove something else.
   */
  @When("{string} logs out through {string} in realm {string}")
  @Example("\"carol\" logs out through \"portal-app\" in realm \"portal\"")
  public void logsOut(String username, String clientId, String realm) {
    Object holder = TokenRequests.claims(world.token()).getClaim("preferred_username");
    assertEquals(username, holder, "the tokens at hand are not " + username + "'s");
    Response loggedOut =
        world
            .asClient(realm, clientId)
            .formParam("refresh_token", world.refreshToken())
            .post(world.issuer(realm) + "/protocol/openid-connect/logout");
    assertEquals(
        204, loggedOut.statusCode(), "Keycloak refused the logout: " + loggedOut.asString());
  }
}
