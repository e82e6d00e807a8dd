package dev.realmctl.support;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.realmctl.contract.TokenRequests;
import io.restassured.response.Response;
import java.util.Optional;

/** Token requests as a client application sends them: the contract's own, for the tests. */
public final class Tokens {
  private Tokens() {}

  public static String endpoint(String keycloakUrl, String realm) {
    return TokenRequests.endpoint(keycloakUrl, realm);
  }

  public static Response clientCredentials(
      String keycloakUrl, String realm, String clientId, String secret) {
    return TokenRequests.clientCredentials(keycloakUrl, realm, clientId, secret);
  }

  public static Response password(
      String keycloakUrl,
      String realm,
      String clientId,
      String secret,
      String username,
      String password) {
    return TokenRequests.password(
        keycloakUrl, realm, clientId, Optional.of(secret), username, password);
  }

  public static JWTClaimsSet claims(String token) {
    return TokenRequests.claims(token);
  }
}
