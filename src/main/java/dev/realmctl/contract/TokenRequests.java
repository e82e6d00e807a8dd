package dev.realmctl.contract;

import static io.restassured.RestAssured.given;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.restassured.response.Response;
import java.text.ParseException;
import java.util.Optional;

/** Token requests as a client application sends them. */
public final class TokenRequests {
  private TokenRequests() {}

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
      Optional<String> secret,
      String username,
      String password) {
    var request =
        given()
            .formParam("grant_type", "password")
            .formParam("client_id", clientId)
            .formParam("username", username)
            .formParam("password", password)
            .formParam("scope", "openid");
    secret.ifPresent(s -> request.formParam("client_secret", s));
    return request.post(endpoint(keycloakUrl, realm));
  }

  /** The claims of a token, read without verifying it: steps look, the resource server verifies. */
  public static JWTClaimsSet claims(String token) {
    try {
      return SignedJWT.parse(token).getJWTClaimsSet();
    } catch (ParseException e) {
      throw new AssertionError("not a JWT: " + e.getMessage(), e);
    }
  }
}
