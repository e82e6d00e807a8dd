package dev.realmctl.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The admin REST API of one realm as raw JSON: the admin client's classes are those of an older
 * Keycloak and drop the fields they do not know, which would hide what the server holds or what a
 * file gives it.
 */
public final class AdminHttp {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final TestKeycloak server;
  private final String base;
  private String token;
  private long tokenTime;

  private AdminHttp(TestKeycloak server, String base) {
    this.server = server;
    this.base = base;
  }

  /** {@code /admin/realms} of the test server, logged in as its admin. */
  public static AdminHttp of(TestKeycloak server) {
    return new AdminHttp(server, server.url() + "/admin/realms");
  }

  /** An admin token, fetched again well before it expires (a minute by default). */
  private synchronized String token() {
    if (token != null && System.currentTimeMillis() - tokenTime < 20_000) {
      return token;
    }
    String form =
        "grant_type=password&client_id=admin-cli&username="
            + encoded(server.adminUser())
            + "&password="
            + encoded(server.adminPassword());
    try {
      HttpResponse<String> response =
          CLIENT.send(
              HttpRequest.newBuilder(
                      URI.create(server.url() + "/realms/master/protocol/openid-connect/token"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      token = JSON.readTree(response.body()).path("access_token").asText();
      tokenTime = System.currentTimeMillis();
      return token;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encoded(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The same for the paths under one realm. */
  public AdminHttp realm(String realm) {
    return new AdminHttp(server, base + "/" + realm);
  }

  public JsonNode get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  public JsonNode post(String path) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody()));
  }

  /** Removes the realm, if there is one. */
  public void removeRealm(String realm) {
    try {
      send(HttpRequest.newBuilder(URI.create(base + "/" + realm)).DELETE());
    } catch (IllegalStateException e) {
      if (!e.getMessage().contains("HTTP 404")) {
        throw e;
      }
    }
  }

  /**
   * Keycloak's own import of a realm file ({@code POST /admin/realms}, {@code
   * RealmsResource.create}).
   */
  public JsonNode importRealm(String json) {
    return send(
        HttpRequest.newBuilder(URI.create(base))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private JsonNode send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          CLIENT.send(
              request.header("Authorization", "Bearer " + token()).build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        throw new IllegalStateException(
            response.request().method()
                + " "
                + response.request().uri().getPath()
                + ": HTTP "
                + response.statusCode()
                + " "
                + response.body());
      }
      return response.body().isBlank() ? MissingNode.getInstance() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
