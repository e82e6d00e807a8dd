package dev.realmctl.resourceserver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The sample API of the tutorials, in Java: {@code /secure-data} (Cool Project), {@code /protected}
 * (the FastAPI tutorial) and {@code /health}. Refusals follow RFC 6750: 401 with a Bearer
 * challenge, a JSON body, never a stack trace, never the token.
 */
public final class ResourceServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REALM = "realmctl-resource-server";
  private final HttpServer server;
  private final TokenVerifier verifier;

  private ResourceServer(HttpServer server, TokenVerifier verifier) {
    this.server = server;
    this.verifier = verifier;
  }

  public static ResourceServer start(TokenVerifier verifier, String host, int port) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
      ResourceServer api = new ResourceServer(server, verifier);
      server.createContext(
          "/health",
          exchange -> api.respond(exchange, 200, Map.of("status", "UP"), Optional.empty()));
      server.createContext(
          "/secure-data", exchange -> api.guarded(exchange, ResourceServer::secureData));
      server.createContext("/protected", exchange -> api.guarded(exchange, ResourceServer::whoAmI));
      server.setExecutor(Executors.newFixedThreadPool(4));
      server.start();
      return api;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String url() {
    return "http://127.0.0.1:" + port();
  }

  private static Map<String, Object> secureData(JWTClaimsSet claims) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", "You have access!");
    body.put("client", claims.getSubject());
    return body;
  }

  private static Map<String, Object> whoAmI(JWTClaimsSet claims) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("preferred_username", string(claims, "preferred_username"));
    body.put("email", string(claims, "email"));
    body.put("full_name", string(claims, "name"));
    return body;
  }

  private static String string(JWTClaimsSet claims, String name) {
    try {
      return claims.getStringClaim(name);
    } catch (ParseException e) {
      return null;
    }
  }

  private void guarded(HttpExchange exchange, Function<JWTClaimsSet, Map<String, Object>> route)
      throws IOException {
    if (!exchange.getRequestMethod().equals("GET")) {
      respond(exchange, 405, Map.of("error", "method_not_allowed"), Optional.empty());
      return;
    }
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      respond(
          exchange,
          401,
          Map.of("error", "unauthorized", "error_description", "a Bearer access token is required"),
          Optional.of("Bearer realm=\"" + REALM + "\""));
      return;
    }
    JWTClaimsSet claims;
    try {
      claims = verifier.verify(authorization.substring(7).trim());
    } catch (TokenVerifier.InvalidTokenException e) {
      String description = e.getMessage().replace("\"", "'");
      respond(
          exchange,
          401,
          Map.of("error", "invalid_token", "error_description", description),
          Optional.of(
              "Bearer realm=\""
                  + REALM
                  + "\", error=\"invalid_token\", error_description=\""
                  + description
                  + "\""));
      return;
    }
    respond(exchange, 200, route.apply(claims), Optional.empty());
  }

  private void respond(
      HttpExchange exchange, int status, Map<String, Object> body, Optional<String> challenge)
      throws IOException {
    byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    challenge.ifPresent(value -> exchange.getResponseHeaders().set("WWW-Authenticate", value));
    exchange.sendResponseHeaders(status, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
