package dev.realmctl.support;

import static io.restassured.RestAssured.given;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.restassured.response.Response;
import java.text.ParseException;

/** Token requests as a client application sends them. */
public final class Tokens {
  private Tokens() {}

  public static String endpoint(String keycloakUrl, String realm) {
    return keycloakUrl + "/realms/" + realm + "/protocol/openid-connect/token";
  }

  public static Response clientCredentials(
      String keycloakUrl, String realm, String clientId, String secret) {
    return given()
        .auth()
        .preemptive()
        .basic(clientId, secret)
        .formParam("grant_type", "client_credentials")
        .post(endpoint(keycloakUrl, realm));
  }

  public static Response password(
      String keycloakUrl,
      String realm,
      String clientId,
      String secret,
      String username,
      String password) {
    return given()
        .formParam("grant_type", "password")
        .formParam("client_id", clientId)
        .formParam("client_secret", secret)
        .formParam("username", username)
        .formParam("password", password)
        .formParam("scope", "openid")
        .post(endpoint(keycloakUrl, realm));
  }

  /** The claims of a token, read without verifying it: tests look, the resource server verifies. */
  public static JWTClaimsSet claims(String token) {
    try {
      return SignedJWT.parse(token).getJWTClaimsSet();
    } catch (ParseException e) {
      throw new AssertionError("not a JWT: " + e.getMessage(), e);
    }
  }
}
