package dev.realmctl.resourceserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

/**
 * Verifies access tokens as a careful API does: RS256 by a key of the issuer's JWKS (cached,
 * refetched on an unknown key id at a bounded rate), the exact issuer, our audience in {@code aud},
 * {@code exp}/{@code nbf} within a small skew, and Keycloak's {@code typ: Bearer} so that ID and
 * refresh tokens are refused.
 */
public final class TokenVerifier {
  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  public TokenVerifier(String issuer, String audience, Duration clockSkew) {
    JWKSource<SecurityContext> keys = JWKSourceBuilder.create(jwksUri(issuer)).build();
    processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, null));
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256), keys));
    var claims =
        new DefaultJWTClaimsVerifier<SecurityContext>(
            new java.util.HashSet<>(java.util.List.of(audience)),
            new JWTClaimsSet.Builder().issuer(issuer).claim("typ", "Bearer").build(),
            Set.of("sub", "exp", "iat"),
            null);
    claims.setMaxClockSkew((int) clockSkew.toSeconds());
    processor.setJWTClaimsSetVerifier(claims);
  }

  /** The verified claims; throws {@link InvalidTokenException} with a reason safe to show. */
  public JWTClaimsSet verify(String token) {
    try {
      return processor.process(token, null);
    } catch (Exception e) {
      throw new InvalidTokenException(e.getMessage() == null ? "invalid token" : e.getMessage());
    }
  }

  private static URL jwksUri(String issuer) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "discovery document of " + issuer + " answered " + response.statusCode());
      }
      JsonNode discovery = new ObjectMapper().readTree(response.body());
      if (!issuer.equals(discovery.path("issuer").asText())) {
        throw new IllegalStateException(
            "discovery document names issuer " + discovery.path("issuer").asText());
      }
      return URI.create(discovery.path("jwks_uri").asText()).toURL();
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot read the discovery document of " + issuer + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Why a token was refused, in words that reveal nothing about the token itself. */
  public static final class InvalidTokenException extends RuntimeException {
    InvalidTokenException(String message) {
      super(message);
    }
  }
}
