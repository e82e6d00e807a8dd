package dev.realmctl.probe;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The admin REST calls the probe makes, as plain JSON: the probe sends what Keycloak's import reads
 * and looks at what comes back, with nothing of realmctl's in between.
 */
final class AdminHttp {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() {};

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String url;
  private final String user;
  private final String password;
  private String token;
  private long tokenAt;

  AdminHttp(String url, String user, String password) {
    this.url = url.replaceAll("/+$", "");
    this.user = user;
    this.password = password;
  }

  /** The answer of a write: its status and, when refused, Keycloak's message. */
  record Answer(int status, String body) {
    boolean ok() {
      return status / 100 == 2;
    }
  }

  Map<String, Object> object(String path) {
    return parse(get(path), MAP);
  }

  List<Map<String, Object>> list(String path) {
    return parse(get(path), LIST);
  }

  Answer post(String path, Object body) {
    return send("POST", path, body);
  }

  Answer delete(String path) {
    return send("DELETE", path, null);
  }

  /** {@code POST …/partial-export}: the realm with its clients, scopes, roles, groups, flows. */
  Map<String, Object> partialExport(String realm) {
    Answer answer =
        post(
            "/admin/realms/"
                + encode(realm)
                + "/partial-export?exportClients=true&exportGroupsAndRoles=true",
            null);
    if (!answer.ok()) {
      throw new IllegalStateException("partial export of " + realm + ": " + answer);
    }
    return parse(answer.body(), MAP);
  }

  Optional<String> serverVersion() {
    Object info = object("/admin/serverinfo").get("systemInfo");
    return info instanceof Map<?, ?> system
        ? Optional.ofNullable((String) system.get("version"))
        : Optional.empty();
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private String get(String path) {
    Answer answer = send("GET", path, null);
    if (!answer.ok()) {
      throw new IllegalStateException("GET " + path + ": " + answer);
    }
    return answer.body();
  }

  private Answer send(String method, String path, Object body) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(url + path))
              .timeout(Duration.ofSeconds(600))
              .header("Authorization", "Bearer " + token())
              .header("Accept", "application/json");
      if (body != null) {
        request
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      } else {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      }
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The master realm's admin tokens live 60 s by default; a fresh one every 30 s is plenty. */
  private synchronized String token() throws IOException, InterruptedException {
    if (token == null || System.currentTimeMillis() - tokenAt > 30_000) {
      String form =
          "grant_type=password&client_id=admin-cli&username="
              + encode(user)
              + "&password="
              + encode(password);
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url + "/realms/master/protocol/openid-connect/token"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form))
              .build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("admin login failed: HTTP " + response.statusCode());
      }
      token = (String) parse(response.body(), MAP).get("access_token");
      tokenAt = System.currentTimeMillis();
    }
    return token;
  }

  private static <T> T parse(String body, TypeReference<T> type) {
    try {
      return JSON.readValue(body, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
