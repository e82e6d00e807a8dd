package dev.realmctl.contract;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.cucumber.java.en.When;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Tokens an attacker makes from a real one, sent to the API in place of it. */
public class ForgedTokenSteps {
  private final World world;
  private final ResourceServerSteps api;

  public ForgedTokenSteps(World world, ResourceServerSteps api) {
    this.world = world;
    this.api = api;
  }

  @When("a forged token {string} is sent to {string} of the API {string}")
  @Example({
    "a forged token \"with alg none\" is sent to \"/secure-data\" of the API \"apiserver\"",
    "a forged token \"HS256-signed with the realm's public key\" is sent to \"/secure-data\" of the"
        + " API \"apiserver\"",
    "a forged token \"with a tampered payload\" is sent to \"/secure-data\" of the API"
        + " \"apiserver\"",
    "a forged token \"signed by an unknown key\" is sent to \"/secure-data\" of the API"
        + " \"apiserver\"",
    "a forged token \"signed by a stranger with the realm's key id\" is sent to \"/secure-data\" of"
        + " the API \"apiserver\""
  })
  public void aForgedTokenIsSent(String forgery, String path, String audience) throws Exception {
    String real = world.token();
    JWTClaimsSet claims = TokenRequests.claims(real);
    String forged =
        switch (forgery) {
          case "with alg none" -> new PlainJWT(claims).serialize();
          case "HS256-signed with the realm's public key" ->
              hmacWithPublicKey(real, claims, audience);
          case "with a tampered payload" -> tampered(real);
          case "signed by an unknown key" -> signedByStranger(claims, "unknown-key");
          case "signed by a stranger with the realm's key id" ->
              signedByStranger(claims, SignedJWT.parse(real).getHeader().getKeyID());
          default -> throw new AssertionError("unknown forgery: " + forgery);
        };
    world.accessToken = java.util.Optional.of(forged);
    api.sendToken(forged, path, audience);
  }

  @When("the refresh token is sent to {string} of the API {string}")
  @Example("the refresh token is sent to \"/protected\" of the API \"fastapi-keycloak\"")
  public void theRefreshTokenIsSent(String path, String audience) {
    api.sendToken(world.tokenResponse.jsonPath().getString("refresh_token"), path, audience);
  }

  @When("the ID token is sent to {string} of the API {string}")
  @Example("the ID token is sent to \"/protected\" of the API \"fastapi-keycloak\"")
  public void theIdTokenIsSent(String path, String audience) {
    api.sendToken(world.tokenResponse.jsonPath().getString("id_token"), path, audience);
  }

  private String hmacWithPublicKey(String real, JWTClaimsSet claims, String audience)
      throws Exception {
    String kid = SignedJWT.parse(real).getHeader().getKeyID();
    String realm = URI.create(claims.getIssuer()).getPath();
    JWKSet keys =
        JWKSet.load(URI.create(world.url() + realm + "/protocol/openid-connect/certs").toURL());
    byte[] publicKey = ((RSAKey) keys.getKeyByKeyId(kid)).toPublicKey().getEncoded();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).type(JOSEObjectType.JWT).build(),
            claims);
    jwt.sign(new MACSigner(publicKey));
    return jwt.serialize();
  }

  private static String tampered(String real) {
    String[] parts = real.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String changed = payload.replaceFirst("\"sub\":\"[^\"]*\"", "\"sub\":\"someone-else\"");
    return parts[0]
        + "."
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(changed.getBytes(StandardCharsets.UTF_8))
        + "."
        + parts[2];
  }

  private static String signedByStranger(JWTClaimsSet claims, String kid) throws JOSEException {
    RSAKey stranger = new RSAKeyGenerator(2048).keyID(kid).generate();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).type(JOSEObjectType.JWT).build(),
            claims);
    jwt.sign(new RSASSASigner(stranger));
    return jwt.serialize();
  }
}
