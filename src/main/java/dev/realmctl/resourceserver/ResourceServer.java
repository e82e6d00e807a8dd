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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The sample API of the tutorials, in Java: {@code /secure-data} (Cool Project), {@code /protected}
 * (the FastAPI tutorial) and {@code /health}; with a required realm role, {@code /restricted} for
 * the holders of that role. Refusals follow RFC 6750: 401 with a Bearer challenge, or 403 {@code
 * insufficient_scope} for a valid token without the role; a JSON body, never a stack trace, never
 * the token.
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
    return start(verifier, host, port, Optional.empty());
  }

  public static ResourceServer start(
      TokenVerifier verifier, String host, int port, Optional<String> requiredRole) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
      ResourceServer api = new ResourceServer(server, verifier);
      server.createContext(
          "/health",
          exchange -> api.respond(exchange, 200, Map.of("status", "UP"), Optional.empty()));
      server.createContext(
          "/secure-data", exchange -> api.guarded(exchange, ResourceServer::secureData));
      server.createContext("/protected", exchange -> api.guarded(exchange, ResourceServer::whoAmI));
      requiredRole.ifPresent(
          role ->
              server.createContext(
                  "/restricted",
                  exchange -> api.guarded(exchange, claims -> restricted(claims, role))));
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

  /** What a route answers a verified token: a body, or a refusal for want of a role. */
  private record Answer(Map<String, Object> body, Optional<String> missingRole) {
    static Answer ok(Map<String, Object> body) {
      return new Answer(body, Optional.empty());
    }

    static Answer forbidden(String role) {
      return new Answer(Map.of(), Optional.of(role));
    }
  }

  private static Answer secureData(JWTClaimsSet claims) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", "You have access!");
    body.put("client", claims.getSubject());
    return Answer.ok(body);
  }

  private static Answer whoAmI(JWTClaimsSet claims) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("preferred_username", string(claims, "preferred_username"));
    body.put("email", string(claims, "email"));
    body.put("full_name", string(claims, "name"));
    return Answer.ok(body);
  }

  private static Answer restricted(JWTClaimsSet claims, String role) {
    if (!realmRoles(claims).contains(role)) {
      return Answer.forbidden(role);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", "You hold the role " + role);
    body.put("sub", claims.getSubject());
    return Answer.ok(body);
  }

  /** Keycloak's realm roles claim: {@code realm_access.roles}. */
  private static List<?> realmRoles(JWTClaimsSet claims) {
    try {
      Map<String, Object> access = claims.getJSONObjectClaim("realm_access");
      return access != null && access.get("roles") instanceof List<?> roles ? roles : List.of();
    } catch (ParseException e) {
      return List.of();
    }
  }

  private static String string(JWTClaimsSet claims, String name) {
    try {
      return claims.getStringClaim(name);
    } catch (ParseException e) {
      return null;
    }
  }

  private void guarded(HttpExchange exchange, Function<JWTClaimsSet, Answer> route)
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
    Answer answer = route.apply(claims);
    if (answer.missingRole().isPresent()) {
      String description = "the realm role '" + answer.missingRole().get() + "' is required";
      respond(
          exchange,
          403,
          Map.of("error", "insufficient_scope", "error_description", description),
          Optional.of(
              "Bearer realm=\""
                  + REALM
                  + "\", error=\"insufficient_scope\", error_description=\""
                  + description
                  + "\""));
      return;
    }
    respond(exchange, 200, answer.body(), Optional.empty());
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
