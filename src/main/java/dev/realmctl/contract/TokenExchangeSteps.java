package dev.realmctl.contract;

import dev.realmctl.version.VersionBehaviour;
import io.cucumber.java.en.When;

/**
 * Standard token exchange (RFC 8693, Keycloak's v2): a client that received a user's token asks
 * Keycloak for one with another audience, to call the next API on the user's behalf. Keycloak
 * issues it only to a client allowed to exchange ({@code standard.token.exchange.enabled}), only
 * for a token naming that client in its audience, and only for an audience the client's own scopes
 * reach.
 */
public class TokenExchangeSteps {
  private static final String GRANT = "urn:ietf:params:oauth:grant-type:token-exchange";
  private static final String ACCESS_TOKEN = "urn:ietf:params:oauth:token-type:access_token";

  private final World world;
  private final TokenSteps tokens;

  public TokenExchangeSteps(World world, TokenSteps tokens) {
    this.world = world;
    this.tokens = tokens;
  }

  /**
   * On a server older than standard token exchange the scenario is skipped, saying so; on a newer
   * one any refusal (the feature switched off included) is Keycloak's answer, for the scenario to
   * judge.
   */
  @When("{string} exchanges the access token for one with audience {string} in realm {string}")
  @Example(
      "\"backend\" exchanges the access token for one with audience \"reports\" in realm"
          + " \"portal\"")
  public void exchanges(String clientId, String audience, String realm) {
    VersionBehaviour keycloak = world.behaviour();
    Skip.unless(
        keycloak.standardTokenExchange(),
        "standard token exchange " + keycloak.needs(VersionBehaviour.STANDARD_TOKEN_EXCHANGE));
    tokens.record(
        world
            .asClient(realm, clientId)
            .formParam("grant_type", GRANT)
            .formParam("subject_token", world.token())
            .formParam("subject_token_type", ACCESS_TOKEN)
            .formParam("audience", audience)
            .post(TokenRequests.endpoint(world.url(), world.realm(realm))));
  }
}
