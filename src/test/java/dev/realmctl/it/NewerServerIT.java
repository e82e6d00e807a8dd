package dev.realmctl.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.realmctl.support.Cli;
import dev.realmctl.support.Specs;
import dev.realmctl.support.TestKeycloak;
import dev.realmctl.version.SupportedVersions;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Keycloak newer than any tested, as realmctl would meet it: it says it is 26.8.1 and its admin
 * API answers with fields the admin client has never heard of. A proxy in front of the test server
 * plays it. realmctl warns, and plans and applies as usual where nothing the spec uses changed.
 */
class NewerServerIT {
  private static final String NEWER = "26.8.1";
  private static final List<String> FORWARDED = List.of("Authorization", "Content-Type", "Accept");
  @TempDir Path folder;

  @Test
  void aNewerServerIsWarnedAboutAndStillPlannedAndApplied() throws IOException {
    HttpServer proxy = newerKeycloak(TestKeycloak.get().url());
    try {
      String server = "http://localhost:" + proxy.getAddress().getPort();
      String realm = Specs.uniqueName("newer");
      Path spec =
          Files.writeString(
              folder.resolve("newer.yaml"),
              Specs.forServer(Files.readString(Specs.realmFile("coolproject.yaml")))
                  .replace("realm: coolproject", "realm: " + realm));

      var applied = Cli.run("apply", "--server", server, spec.toString());
      assertEquals(0, applied.exitCode(), applied.err());
      String warning =
          "warning: planned against Keycloak "
              + NEWER
              + ", newest tested "
              + SupportedVersions.newestTested();
      assertTrue(applied.err().contains(warning), applied.err());
      assertTrue(applied.err().contains("requests to Keycloak " + NEWER + ":"), applied.err());

      var again = Cli.run("plan", "--detailed-exitcode", "--server", server, spec.toString());
      assertEquals(0, again.exitCode(), again.out() + again.err());
    } finally {
      proxy.stop(0);
    }
  }

  /**
   * Forwards to the real server; rewrites the version and adds an unknown field to every object.
   */
  private static HttpServer newerKeycloak(String upstream) throws IOException {
    HttpClient http = HttpClient.newHttpClient();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            forward(http, upstream, exchange);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
    server.start();
    return server;
  }

  /**
   * Adds a field of a kind no admin client knows to the answer's representations: the top object,
   * or each object of a top array (never inside maps such as attributes, whose keys are data).
   */
  static String withUnknownField(String json) {
    String field = "\"fieldFromTheFuture\":{\"added\":[1,2]}";
    StringBuilder out = new StringBuilder();
    boolean inString = false;
    boolean topArray = json.stripLeading().startsWith("[");
    int depth = 0;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      out.append(c);
      if (inString) {
        if (c == '\\') {
          out.append(json.charAt(++i));
        } else if (c == '"') {
          inString = false;
        }
        continue;
      }
      switch (c) {
        case '"' -> inString = true;
        case '{', '[' -> {
          if (c == '{' && (depth == 0 || (topArray && depth == 1))) {
            boolean empty = json.charAt(i + 1) == '}';
            out.append(field).append(empty ? "" : ",");
          }
          depth++;
        }
        case '}', ']' -> depth--;
        default -> {}
      }
    }
    return out.toString();
  }

  private static void forward(HttpClient http, String upstream, HttpExchange exchange)
      throws IOException, InterruptedException {
    String path = exchange.getRequestURI().toString();
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(upstream + path))
            .method(
                exchange.getRequestMethod(),
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    for (String header : FORWARDED) {
      String value = exchange.getRequestHeaders().getFirst(header);
      if (value != null) {
        request.header(header, value);
      }
    }
    HttpResponse<byte[]> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    byte[] answer = response.body();
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (path.startsWith("/admin/") && type.contains("json")) {
      String json = new String(answer, StandardCharsets.UTF_8);
      if (path.startsWith("/admin/serverinfo")) {
        json = json.replaceFirst("(\"systemInfo\":\\{[^}]*?\"version\":\")[^\"]*", "$1" + NEWER);
      }
      json = withUnknownField(json);
      answer = json.getBytes(StandardCharsets.UTF_8);
    }
    response
        .headers()
        .firstValue("Content-Type")
        .ifPresent(v -> exchange.getResponseHeaders().add("Content-Type", v));
    response
        .headers()
        .firstValue("Location")
        .ifPresent(v -> exchange.getResponseHeaders().add("Location", v));
    exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
    if (answer.length > 0) {
      exchange.getResponseBody().write(answer);
    }
  }
}
