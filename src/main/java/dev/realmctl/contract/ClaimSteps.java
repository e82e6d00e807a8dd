package dev.realmctl.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Then;
import java.text.ParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the tokens Keycloak issued say: any claim, the audience, scope, realm and client roles,
 * groups. Each step reads the access token or the ID token, as the line names it.
 */
public class ClaimSteps {
  private final World world;

  public ClaimSteps(World world) {
    this.world = world;
  }

  @ParameterType(TokenKind.PATTERN)
  public TokenKind token(String words) {
    return TokenKind.of(words);
  }

  private JWTClaimsSet claims(TokenKind token) {
    return TokenRequests.claims(
        switch (token) {
          case ACCESS -> world.token();
          case ID -> world.idToken();
        });
  }

  @Then("the {token} has claim {string} = {string}")
  @Example({
    "the access token has claim \"azp\" = \"client-app\"",
    "the ID token has claim \"email\" = \"carol@example.test\""
  })
  public void claimEquals(TokenKind token, String claim, String value) {
    assertEquals(value, String.valueOf(claims(token).getClaim(claim)), token + " claim " + claim);
  }

  @Then("the {token}'s audience is exactly {string}")
  @Example({
    "the access token's audience is exactly \"apiserver\"",
    "the ID token's audience is exactly \"portal-app\""
  })
  public void audienceIsExactly(TokenKind token, String audience) {
    assertEquals(List.of(audience), claims(token).getAudience(), token + " aud");
  }

  @Then("the {token}'s audience does not include {string}")
  @Example("the access token's audience does not include \"reports-api\"")
  public void audienceExcludes(TokenKind token, String audience) {
    List<String> actual = claims(token).getAudience();
    assertTrue(!actual.contains(audience), token + " aud: " + actual);
  }

  /** Keycloak writes {@code scope} on access tokens only. */
  @Then("the access token's scope includes {string}")
  @Example("the access token's scope includes \"email\"")
  public void scopeIncludes(String scope) throws ParseException {
    String granted = claims(TokenKind.ACCESS).getStringClaim("scope");
    assertTrue(
        granted != null && Arrays.asList(granted.split(" ")).contains(scope),
        "access token scope: " + granted);
  }

  @Then("the {token} carries the realm role {string}")
  @Example({
    "the access token carries the realm role \"user\"",
    "the ID token carries the realm role \"reader\""
  })
  public void carriesRealmRole(TokenKind token, String role) throws ParseException {
    Map<String, Object> access = claims(token).getJSONObjectClaim("realm_access");
    assertTrue(
        access != null && access.get("roles") instanceof List<?> roles && roles.contains(role),
        token + " realm_access: " + access);
  }

  @Then("the {token} carries the client role {string} of {string}")
  @Example({
    "the access token carries the client role \"viewer\" of \"reports\"",
    "the ID token carries the client role \"viewer\" of \"reports\""
  })
  public void carriesClientRole(TokenKind token, String role, String clientId)
      throws ParseException {
    Map<String, Object> resources = claims(token).getJSONObjectClaim("resource_access");
    Object access = resources == null ? null : resources.get(clientId);
    assertTrue(
        access instanceof Map<?, ?> client
            && client.get("roles") instanceof List<?> roles
            && roles.contains(role),
        token + " resource_access: " + resources);
  }

  /**
   * The {@code groups} claim, as Keycloak's group membership mapper writes it (a group's name, or
   * its path with "full path" on).
   */
  @Then("the {token} carries the group {string}")
  @Example({
    "the access token carries the group \"staff\"",
    "the ID token carries the group \"staff\""
  })
  public void carriesGroup(TokenKind token, String group) throws ParseException {
    List<String> groups = claims(token).getStringListClaim("groups");
    assertTrue(groups != null && groups.contains(group), token + " groups: " + groups);
  }
}
