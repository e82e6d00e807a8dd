package dev.realmctl.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Token requests sent in a loop while something else changes the realm, as users and services keep
 * logging in during a pipeline's apply. Each probe counts the tokens it got, those that lack what
 * they must carry, and the requests that failed.
 */
public final class Traffic implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** One kind of token request and what every token it gets must grant. */
  public record Probe(String name, HttpRequest request, Predicate<JWTClaimsSet> grants) {

    public static Probe clientCredentials(
        String keycloakUrl,
        String realm,
        String clientId,
        String secret,
        Predicate<JWTClaimsSet> grants) {
      return new Probe(
          clientId + " (client credentials)",
          token(
              keycloakUrl,
              realm,
              Map.of(
                  "grant_type", "client_credentials",
                  "client_id", clientId,
                  "client_secret", secret)),
          grants);
    }

    public static Probe password(
        String keycloakUrl,
        String realm,
        String clientId,
        String secret,
        String username,
        String password,
        Predicate<JWTClaimsSet> grants) {
      return new Probe(
          username + " (password grant)",
          token(
              keycloakUrl,
              realm,
              Map.of(
                  "grant_type", "password",
                  "client_id", clientId,
                  "client_secret", secret,
                  "username", username,
                  "password", password)),
          grants);
    }

    private static HttpRequest token(String keycloakUrl, String realm, Map<String, String> form) {
      String body =
          form.entrySet().stream()
              .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      return HttpRequest.newBuilder(URI.create(Tokens.endpoint(keycloakUrl, realm)))
          .timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(body))
          .build();
    }
  }

  /** What one probe saw: a broken token lacks what it must grant; a failure got no token. */
  public record Count(
      long tokens, long broken, long failed, Duration slowest, List<String> firstProblems) {
    public boolean clean() {
      return broken == 0 && failed == 0;
    }

    @Override
    public String toString() {
      return tokens
          + " tokens, "
          + broken
          + " broken, "
          + failed
          + " failed, slowest "
          + slowest.toMillis()
          + " ms"
          + (firstProblems.isEmpty() ? "" : " " + firstProblems);
    }
  }

  public static Predicate<JWTClaimsSet> audience(String audience) {
    return claims -> claims.getAudience() != null && claims.getAudience().contains(audience);
  }

  @SuppressWarnings("unchecked")
  public static Predicate<JWTClaimsSet> realmRole(String role) {
    return claims -> {
      Object access = claims.getClaim("realm_access");
      return access instanceof Map<?, ?> map
          && map.get("roles") instanceof List<?> roles
          && roles.contains(role);
    };
  }

  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Map<Probe, Tally> tallies = new LinkedHashMap<>();
  private final List<Thread> threads = new ArrayList<>();

  private Traffic() {}

  /** Starts one loop per probe; each first waits for a clean token, so the baseline is known. */
  public static Traffic start(List<Probe> probes) {
    Traffic traffic = new Traffic();
    for (Probe probe : probes) {
      Tally tally = new Tally();
      traffic.tallies.put(probe, tally);
      Thread thread = new Thread(() -> traffic.loop(probe, tally), "traffic " + probe.name());
      thread.setDaemon(true);
      traffic.threads.add(thread);
      thread.start();
    }
    return traffic;
  }

  private void loop(Probe probe, Tally tally) {
    while (running.get()) {
      long started = System.nanoTime();
      String problem = send(probe);
      tally.record(problem, Duration.ofNanos(System.nanoTime() - started));
    }
  }

  private static String send(Probe probe) {
    try {
      HttpResponse<String> response =
          HTTP.send(probe.request(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return "failed: HTTP " + response.statusCode() + " " + response.body();
      }
      String token = JSON.readTree(response.body()).path("access_token").asText();
      return probe.grants().test(SignedJWT.parse(token).getJWTClaimsSet())
          ? null
          : "broken: " + Tokens.claims(token).toJSONObject();
    } catch (IOException | ParseException e) {
      return "failed: " + e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "failed: interrupted";
    }
  }

  /** Stops every loop and returns what each probe saw, by probe name. */
  public Map<String, Count> stop() {
    running.set(false);
    for (Thread thread : threads) {
      try {
        thread.join(Duration.ofSeconds(60).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Map<String, Count> counts = new LinkedHashMap<>();
    tallies.forEach((probe, tally) -> counts.put(probe.name(), tally.count()));
    return counts;
  }

  @Override
  public void close() {
    running.set(false);
  }

  private static final class Tally {
    private long tokens;
    private long broken;
    private long failed;
    private Duration slowest = Duration.ZERO;
    private final List<String> firstProblems = new ArrayList<>();

    synchronized void record(String problem, Duration took) {
      if (took.compareTo(slowest) > 0) {
        slowest = took;
      }
      if (problem == null || problem.startsWith("broken")) {
        tokens++;
      }
      if (problem == null) {
        return;
      }
      if (problem.startsWith("broken")) {
        broken++;
      } else {
        failed++;
      }
      if (firstProblems.size() < 3) {
        firstProblems.add(problem);
      }
    }

    synchronized Count count() {
      return new Count(tokens, broken, failed, slowest, List.copyOf(firstProblems));
    }
  }
}
