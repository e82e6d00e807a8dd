package dev.realmctl.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.keycloak.Connection;
import dev.realmctl.keycloak.Reconciler;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.support.Admin;
import dev.realmctl.support.Cli;
import dev.realmctl.support.Specs;
import dev.realmctl.support.TestKeycloak;
import dev.realmctl.support.TestSecrets;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A custom direct-grant flow decides who logs in, and changing it in a live realm never exposes a
 * half-built flow: logins running through the swap see the old flow or the new one.
 */
class FlowIT {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path folder;

  private static final String REALM =
      """
      realm: %1$s
      directGrantFlow: %2$s
      roles:
        realm: [{name: blocked}]
      clients:
        - clientId: app
          publicClient: true
          directAccessGrantsEnabled: true
        - clientId: cli
          publicClient: true
          directAccessGrantsEnabled: true
          authenticationFlowBindingOverrides: {direct_grant: "%2$s"}
      users:
        - username: ada
          email: ada@example.test
          firstName: Ada
          lastName: Lovelace
          credentials: [{value: "${env:FLOW_USER_PASSWORD}"}]
        - username: bob
          email: bob@example.test
          firstName: Bob
          lastName: Blocked
          credentials: [{value: "${env:FLOW_USER_PASSWORD}"}]
          realmRoles: [blocked]
      """;

  private static final String OPEN =
      """
      authenticationFlows:
        - alias: gate
          description: a password, and nothing else
          authenticationExecutions:
            - authenticator: direct-grant-validate-username
              requirement: REQUIRED
            - authenticator: direct-grant-validate-password
              requirement: REQUIRED
      """;

  private static final String GUARDED =
      """
      authenticationFlows:
        - alias: gate
          description: a password, and the blocked are denied
          authenticationExecutions:
            - authenticator: direct-grant-validate-username
              requirement: REQUIRED
            - authenticator: direct-grant-validate-password
              requirement: REQUIRED
            - flowAlias: gate blocked
              requirement: CONDITIONAL
        - alias: gate blocked
          topLevel: false
          description: deny the blocked role
          authenticationExecutions:
            - authenticator: conditional-user-role
              requirement: REQUIRED
              authenticatorConfig: is-blocked
            - authenticator: deny-access-authenticator
              requirement: REQUIRED
      authenticatorConfig:
        - alias: is-blocked
          config: {condUserRole: blocked}
      """;

  @Test
  void aCustomDirectGrantFlowDecidesWhoLogsInAndIsSwappedUnderLogins() throws Exception {
    String realm = Specs.uniqueName("flows");
    RealmSpec open = load(realm, "gate", OPEN);
    RealmSpec guarded = load(realm, "gate", GUARDED);
    try (Connection connection = TestKeycloak.get().connect()) {
      Reconciler reconciler = new Reconciler(connection);
      reconciler.apply(reconciler.plan(List.of(open)), c -> {});
      assertEquals(200, login(realm, "bob").statusCode(), "the open flow lets bob in");
      assertTrue(reconciler.plan(List.of(open)).plan().isEmpty(), "a second plan is empty");

      Map<String, Long> toGuarded = swapUnderLogins(realm, reconciler, guarded);
      assertEquals(401, login(realm, "bob").statusCode(), "the guarded flow denies bob");
      assertEquals(200, login(realm, "ada").statusCode(), "and lets ada in");
      assertTrue(reconciler.plan(List.of(guarded)).plan().isEmpty(), "a second plan is empty");

      Map<String, Long> toOpen = swapUnderLogins(realm, reconciler, open);
      assertEquals(200, login(realm, "bob").statusCode(), "the open flow is back");
      assertTrue(reconciler.plan(List.of(open)).plan().isEmpty());
      System.out.println("FlowIT swap open -> guarded under logins: " + toGuarded);
      System.out.println("FlowIT swap guarded -> open under logins: " + toOpen);
    }
  }

  @Test
  void aFlowExportsPlansEmptyAndIsPruned() throws Exception {
    String realm = Specs.uniqueName("flows-export");
    try (Connection connection = TestKeycloak.get().connect();
        Admin admin = Admin.of(TestKeycloak.get())) {
      Reconciler reconciler = new Reconciler(connection);
      reconciler.apply(reconciler.plan(List.of(load(realm, "gate", GUARDED))), c -> {});

      Path exported = folder.resolve("exported.yaml");
      Cli.Run run = Cli.run("export", realm, "--output", exported.toString());
      assertEquals(0, run.exitCode(), run.err());
      var plan = reconciler.plan(Specs.load(exported)).plan();
      assertTrue(plan.isEmpty(), () -> "the export plans " + plan.changes());

      RealmSpec builtIn = load(realm, "direct grant", "");
      var pruning = reconciler.plan(List.of(builtIn), true);
      assertEquals(
          List.of(
              "UPDATE flowBindings",
              "UPDATE clients/cli/authenticationFlowBindingOverrides",
              "DELETE authenticationFlows/gate",
              "UPDATE ownership"),
          pruning.plan().changes().stream().map(c -> c.action() + " " + c.id().path()).toList());
      reconciler.apply(pruning, c -> {});
      assertTrue(
          admin.realm(realm).flows().getFlows().stream()
              .noneMatch(f -> f.getAlias().equals("gate")));
      assertEquals(200, login(realm, "ada").statusCode(), "the built-in direct grant lets ada in");
    }
  }

  /**
   * A swap cut short leaves the half-way flow {@code gate realmctl-next}, bound where the swap got
   * to. Made here by hand at both points where a crash leaves a realm: after the rebinding (the old
   * flow still there) and after the old flow's deletion. Applying again converges.
   */
  @Test
  void aSwapCutShortConvergesWhenAppliedAgain() throws Exception {
    try (Connection connection = TestKeycloak.get().connect();
        Admin admin = Admin.of(TestKeycloak.get())) {
      Reconciler reconciler = new Reconciler(connection);
      for (boolean oldFlowDeleted : List.of(false, true)) {
        String realm = Specs.uniqueName("flows-cut");
        RealmSpec open = load(realm, "gate", OPEN);
        reconciler.apply(reconciler.plan(List.of(open)), c -> {});
        var flows = admin.realm(realm).flows();
        flows.copy("gate", Map.of("newName", "gate realmctl-next")).close();
        var settings = admin.realm(realm).toRepresentation();
        settings.setDirectGrantFlow("gate realmctl-next");
        admin.realm(realm).update(settings);
        String next =
            flows.getFlows().stream()
                .filter(f -> f.getAlias().equals("gate realmctl-next"))
                .findFirst()
                .orElseThrow()
                .getId();
        var cli = admin.realm(realm).clients().findByClientId("cli").get(0);
        cli.setAuthenticationFlowBindingOverrides(Map.of("direct_grant", next));
        admin.realm(realm).clients().get(cli.getId()).update(cli);
        if (oldFlowDeleted) {
          flows.deleteFlow(
              flows.getFlows().stream()
                  .filter(f -> f.getAlias().equals("gate"))
                  .findFirst()
                  .orElseThrow()
                  .getId());
        }

        RealmSpec guarded = load(realm, "gate", GUARDED);
        reconciler.apply(reconciler.plan(List.of(guarded)), c -> {});
        assertTrue(
            reconciler.plan(List.of(guarded)).plan().isEmpty(),
            "converged (old flow deleted: " + oldFlowDeleted + ")");
        assertTrue(
            flows.getFlows().stream().noneMatch(f -> f.getAlias().endsWith("realmctl-next")),
            "no half-way flow is left");
        assertEquals("gate", admin.realm(realm).toRepresentation().getDirectGrantFlow());
        assertEquals(401, login(realm, "bob").statusCode(), "the guarded flow is live");
      }
    }
  }

  /**
   * Applies {@code next} while ada and bob log in in a loop. Ada is let in by both flows, so every
   * one of her logins must succeed; bob is let in by one and denied by the other, so each of his
   * must be one or the other, never anything else.
   */
  private static Map<String, Long> swapUnderLogins(
      String realm, Reconciler reconciler, RealmSpec next) throws Exception {
    Map<String, AtomicLong> seen = new ConcurrentHashMap<>();
    AtomicBoolean running = new AtomicBoolean(true);
    List<Thread> loops = new java.util.ArrayList<>();
    for (String user : List.of("ada", "bob")) {
      Thread loop =
          new Thread(
              () -> {
                while (running.get()) {
                  seen.computeIfAbsent(outcome(realm, user), k -> new AtomicLong())
                      .incrementAndGet();
                }
              },
              "login " + user);
      loop.start();
      loops.add(loop);
    }
    Thread.sleep(500);
    reconciler.apply(reconciler.plan(List.of(next)), c -> {});
    Thread.sleep(1000);
    running.set(false);
    for (Thread loop : loops) {
      loop.join();
    }
    Map<String, Long> counts = new TreeMap<>();
    seen.forEach((k, v) -> counts.put(k, v.get()));
    assertTrue(counts.getOrDefault("ada: 200", 0L) > 0, () -> "ada logged in: " + counts);
    assertTrue(
        counts.keySet().stream()
            .allMatch(k -> k.equals("ada: 200") || k.equals("bob: 200") || k.equals("bob: denied")),
        () -> "every login is what the old or the new flow says: " + counts);
    return counts;
  }

  private static String outcome(String realm, String user) {
    try {
      HttpResponse<String> response = login(realm, user);
      // A deny-access step answers with its error page (HTML); a refused password with JSON.
      boolean page =
          response.headers().firstValue("Content-Type").orElse("").startsWith("text/html");
      if (response.statusCode() == 401 && page) {
        return user + ": denied";
      }
      return user + ": " + response.statusCode();
    } catch (Exception e) {
      return user + ": " + e.getClass().getSimpleName();
    }
  }

  private static HttpResponse<String> login(String realm, String user)
      throws IOException, InterruptedException {
    String form =
        "grant_type=password&client_id=app&username="
            + user
            + "&password="
            + URLEncoder.encode(TestSecrets.get("FLOW_USER_PASSWORD"), StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    TestKeycloak.get().url()
                        + "/realms/"
                        + realm
                        + "/protocol/openid-connect/token"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private RealmSpec load(String realm, String binding, String flows) throws IOException {
    String yaml = REALM.formatted(realm, binding) + flows;
    Path file = Files.writeString(folder.resolve("flows-" + yaml.hashCode() + ".yaml"), yaml);
    return Specs.load(file).get(0);
  }
}
