package dev.realmctl.contract;

import dev.realmctl.keycloak.Connection;
import dev.realmctl.resourceserver.ResourceServer;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.version.VersionBehaviour;
import io.cucumber.java.After;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one scenario knows, shared by the step classes through picocontainer. Realm names in the
 * features are the specs' names; in an isolated run each scenario works on copies under unique
 * names, so the name a step uses is mapped to the realm the scenario really has.
 */
public final class World {
  private static VersionBehaviour behaviour;

  final ContractRun run = ContractRun.current();
  final Map<String, String> realms = new HashMap<>();
  final Map<String, RealmSpec> specs = new HashMap<>();
  final Map<String, ResourceServer> resourceServers = new HashMap<>();
  final List<AutoCloseable> closeables = new ArrayList<>();
  Response tokenResponse;
  Optional<String> accessToken = Optional.empty();
  Response apiResponse;
  private ConsoleAdmin admin;

  String url() {
    return run.keycloakUrl();
  }

  String realm(String name) {
    String actual = realms.get(name);
    if (actual == null) {
      throw new AssertionError(
          "realm '"
              + name
              + "' is not applied in this scenario: start with Given the realm \""
              + name
              + "\" from \"realms/...\" is applied");
    }
    return actual;
  }

  RealmSpec spec(String name) {
    realm(name);
    return specs.get(name);
  }

  String issuer(String realm) {
    return url() + "/realms/" + realm(realm);
  }

  Optional<String> clientSecret(String realm, String clientId) {
    return RealmCatalog.clientSecret(spec(realm), clientId);
  }

  String password(String realm, String username) {
    return RealmCatalog.password(spec(realm), username);
  }

  Connection.Settings adminLogin() {
    return run.admin()
        .orElseThrow(
            () ->
                new AssertionError(
                    "this step needs an admin login: set KEYCLOAK_USER and KEYCLOAK_PASSWORD, or"
                        + " KEYCLOAK_CLIENT_ID and KEYCLOAK_CLIENT_SECRET"));
  }

  Connection connect() {
    return Connection.open(adminLogin());
  }

  /** How the server's version behaves, as realmctl reads it; asked once per run. */
  VersionBehaviour behaviour() {
    synchronized (World.class) {
      if (behaviour == null) {
        try (Connection connection = connect()) {
          behaviour = connection.behaviour();
        }
      }
      return behaviour;
    }
  }

  ConsoleAdmin admin() {
    if (admin == null) {
      admin = ConsoleAdmin.of(adminLogin());
      closeables.add(admin);
    }
    return admin;
  }

  String token() {
    return accessToken.orElseThrow(() -> new AssertionError("no access token yet"));
  }

  String refreshToken() {
    return fromLastAnswer("refresh_token")
        .orElseThrow(() -> new AssertionError("Keycloak's last answer has no refresh token"));
  }

  /** The ID token of Keycloak's last answer: only a request with {@code scope=openid} has one. */
  String idToken() {
    return fromLastAnswer("id_token")
        .orElseThrow(
            () ->
                new AssertionError(
                    "Keycloak's last answer has no ID token (only a login with scope openid gets"
                        + " one)"));
  }

  /** A field of Keycloak's last token answer; none when it answered with an error page. */
  private Optional<String> fromLastAnswer(String field) {
    boolean json =
        tokenResponse != null && String.valueOf(tokenResponse.contentType()).contains("json");
    return json ? Optional.ofNullable(tokenResponse.jsonPath().getString(field)) : Optional.empty();
  }

  /** A form request from a client, authenticated as its spec says (a public client sends none). */
  RequestSpecification asClient(String realm, String clientId) {
    RequestSpecification request = RestAssured.given().formParam("client_id", clientId);
    clientSecret(realm, clientId).ifPresent(s -> request.formParam("client_secret", s));
    return request;
  }

  @After
  public void close() throws Exception {
    if (run.mode() == ContractRun.Mode.ISOLATED) {
      // The scenario's copies: a shared server would otherwise gather one set per scenario.
      for (String copy : realms.values()) {
        try {
          admin().realm(copy).remove();
        } catch (jakarta.ws.rs.NotFoundException neverCreated) {
          // A rejected spec's realm.
        }
      }
    }
    for (AutoCloseable closeable : closeables) {
      closeable.close();
    }
    for (ResourceServer server : resourceServers.values()) {
      server.close();
    }
  }
}
