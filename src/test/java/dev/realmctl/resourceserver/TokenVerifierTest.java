package dev.realmctl.resourceserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The checks a Keycloak token cannot easily be bent to exercise (no audience, not yet valid),
 * against a stand-in issuer that serves a discovery document and a JWKS of a test key.
 */
class TokenVerifierTest {
  private static HttpServer issuerServer;
  private static RSAKey key;
  private static String issuer;
  private static TokenVerifier verifier;

  @BeforeAll
  static void startIssuer() throws Exception {
    key = new RSAKeyGenerator(2048).keyID("test-key").generate();
    issuerServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    issuer = "http://127.0.0.1:" + issuerServer.getAddress().getPort() + "/realms/test";
    serve(
        "/realms/test/.well-known/openid-configuration",
        "{\"issuer\":\""
            + issuer
            + "\",\"jwks_uri\":\""
            + issuer
            + "/protocol/openid-connect/certs\"}");
    serve("/realms/test/protocol/openid-connect/certs", new JWKSet(key.toPublicJWK()).toString());
    issuerServer.start();
    verifier = new TokenVerifier(issuer, "api", Duration.ofSeconds(5));
  }

  @AfterAll
  static void stopIssuer() {
    issuerServer.stop(0);
  }

  private static void serve(String path, String body) {
    issuerServer.createContext(
        path,
        exchange -> {
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
  }

  private static String token(Consumer<JWTClaimsSet.Builder> change) throws Exception {
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject("svc")
            .audience(List.of("api"))
            .claim("typ", "Bearer")
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(300)));
    change.accept(claims);
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID("test-key")
                .type(JOSEObjectType.JWT)
                .build(),
            claims.build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  @Test
  void acceptsAWellFormedAccessToken() throws Exception {
    assertEquals("svc", verifier.verify(token(c -> {})).getSubject());
  }

  @Test
  void refusesATokenWithoutAudience() throws Exception {
    String token = token(c -> c.audience((List<String>) null));
    assertThrows(TokenVerifier.InvalidTokenException.class, () -> verifier.verify(token));
  }

  @Test
  void refusesATokenForAnotherAudience() throws Exception {
    String token = token(c -> c.audience("other-api"));
    assertThrows(TokenVerifier.InvalidTokenException.class, () -> verifier.verify(token));
  }

  @Test
  void refusesATokenNotYetValid() throws Exception {
    String token = token(c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(120))));
    assertThrows(TokenVerifier.InvalidTokenException.class, () -> verifier.verify(token));
  }

  @Test
  void refusesAnExpiredTokenBeyondTheSkew() throws Exception {
    String token = token(c -> c.expirationTime(Date.from(Instant.now().minusSeconds(30))));
    assertThrows(TokenVerifier.InvalidTokenException.class, () -> verifier.verify(token));
  }

  @Test
  void acceptsATokenJustExpiredWithinTheSkew() throws Exception {
    String token = token(c -> c.expirationTime(Date.from(Instant.now().minusSeconds(2))));
    assertEquals("svc", verifier.verify(token).getSubject());
  }

  @Test
  void refusesAWrongIssuer() throws Exception {
    String token = token(c -> c.issuer("http://evil.example.com/realms/test"));
    assertThrows(TokenVerifier.InvalidTokenException.class, () -> verifier.verify(token));
  }

  @Test
  void refusesAnIdToken() throws Exception {
    String token = token(c -> c.claim("typ", "ID"));
    assertThrows(TokenVerifier.InvalidTokenException.class, () -> verifier.verify(token));
  }
}
