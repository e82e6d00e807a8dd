package dev.realmctl.contract;

import static io.restassured.RestAssured.given;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import java.nio.file.Files;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Client authentication with a signed JWT ({@code private_key_jwt}, Keycloak's {@code client-jwt}):
 * the client signs an assertion with its private key, and Keycloak checks it with the public half
 * the client's spec registers ({@code jwks.string}, {@code jwks.url} or {@code
 * jwt.credential.certificate}). The private key never goes to Keycloak; a feature names where it
 * is, {@code ${file:PATH}} or {@code ${env:NAME}}, as a spec names a secret.
 */
public class SignedJwtSteps {
  private static final String ASSERTION_TYPE =
      "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
  private static final Pattern FILE = Pattern.compile("\\$\\{file:([^}]+)}");
  private static final Pattern ENV = Pattern.compile("\\$\\{env:([^}]+)}");

  private final World world;
  private final TokenSteps tokens;
  private final Map<String, PrivateKey> keys = new HashMap<>();

  public SignedJwtSteps(World world, TokenSteps tokens) {
    this.world = world;
    this.tokens = tokens;
  }

  /**
   * A key that is not there (no such file, the variable unset) skips the scenario, saying so, as a
   * directory that is not configured does; a key that is there but unreadable fails it.
   */
  @Given("{string} signs with the private key {string}")
  @Example(
      "\"signed-client\" signs with the private key"
          + " \"${file:target/contract-keys/signed-client.pem}\"")
  public void signsWith(String clientId, String reference) {
    Matcher file = FILE.matcher(reference.strip());
    Matcher env = ENV.matcher(reference.strip());
    if (file.matches()) {
      Skip.unless(
          Files.exists(world.run.baseDir().resolve(file.group(1))),
          "needs the private key of '" + clientId + "': " + file.group(1) + " does not exist");
    } else if (env.matches()) {
      Skip.unless(
          world.run.variables().env(env.group(1)).filter(v -> !v.isBlank()).isPresent(),
          "needs the private key of '" + clientId + "': " + env.group(1) + " is not set");
    } else {
      throw new AssertionError(
          "give the private key of '"
              + clientId
              + "' as ${file:PATH} or ${env:NAME}: a feature never holds a key");
    }
    keys.put(clientId, PemKeys.privateKey(RealmCatalog.resolve(world.run, reference)));
  }

  @When("{string} requests a client-credentials token from realm {string} with a signed JWT")
  @Example(
      "\"signed-client\" requests a client-credentials token from realm \"portal\" with a signed"
          + " JWT")
  public void withItsKey(String clientId, String realm) throws JOSEException {
    PrivateKey key = keys.get(clientId);
    if (key == null) {
      throw new AssertionError(
          "no private key for '"
              + clientId
              + "': start with Given \""
              + clientId
              + "\" signs with the private key \"${file:PATH}\"");
    }
    request(clientId, realm, PemKeys.signer(key));
  }

  @When(
      "{string} requests a client-credentials token from realm {string} with a JWT signed by"
          + " another key")
  @Example(
      "\"signed-client\" requests a client-credentials token from realm \"portal\" with a JWT"
          + " signed by another key")
  public void withAnotherKey(String clientId, String realm) throws JOSEException {
    request(
        clientId, realm, PemKeys.signer(new RSAKeyGenerator(2048).generate().toRSAPrivateKey()));
  }

  private void request(String clientId, String realm, PemKeys.Signing signer) throws JOSEException {
    RealmCatalog.client(world.spec(realm), clientId);
    tokens.record(
        given()
            .formParam("grant_type", "client_credentials")
            .formParam("client_id", clientId)
            .formParam("client_assertion_type", ASSERTION_TYPE)
            .formParam("client_assertion", assertion(clientId, realm, signer))
            .post(TokenRequests.endpoint(world.url(), world.realm(realm))));
  }

  /** RFC 7523: the client is issuer and subject, the realm the audience; short-lived, once. */
  private String assertion(String clientId, String realm, PemKeys.Signing signing)
      throws JOSEException {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(clientId)
            .subject(clientId)
            .audience(world.issuer(realm))
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(60)))
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(signing.algorithm()), claims);
    jwt.sign(signing.signer());
    return jwt.serialize();
  }
}
