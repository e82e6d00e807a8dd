package dev.realmctl.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.keycloak.RepresentationCatalog;
import dev.realmctl.render.PlanRenderer;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.Redactor;
import dev.realmctl.spec.Sensitive;
import dev.realmctl.spec.SpecException;
import dev.realmctl.spec.SpecLoader;
import dev.realmctl.spec.Variables;
import dev.realmctl.support.LiveRealms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The realm's structured fields: spec errors at their line, plans, and the SMTP password. */
class RealmStructuresTest {
  private static final String PASSWORD = "smtp-pass-9d1c";

  @TempDir Path folder;

  private Path write(String yaml) throws IOException {
    return Files.writeString(folder.resolve("r.yaml"), yaml);
  }

  private RealmSpec spec(String yaml) throws IOException {
    return loader().load(List.of(write(yaml))).realms().get(0);
  }

  private static SpecLoader loader() {
    return new SpecLoader(
        new RepresentationCatalog(),
        Variables.of(Map.of("SMTP_PASSWORD", PASSWORD)),
        new Redactor());
  }

  private List<String> errors(String yaml) throws IOException {
    Path file = write(yaml);
    SpecException e = assertThrows(SpecException.class, () -> loader().load(List.of(file)));
    return e.problems().stream().map(p -> p.toString().replace(file + ":", "")).toList();
  }

  private static final String SMTP =
      """
      realm: r
      smtpServer:
        host: smtp.example.test
        port: 2525
        auth: true
        user: mailer
        password: ${env:SMTP_PASSWORD}
      """;

  @Test
  void smtpPasswordIsSensitiveAndOtherValuesStrings() throws IOException {
    var smtp = (Map<?, ?>) spec(SMTP).settings().get("smtpServer");
    assertEquals(new Sensitive(PASSWORD), smtp.get("password"));
    assertEquals("2525", smtp.get("port"));
    assertEquals("true", smtp.get("auth"));
  }

  @Test
  void smtpPasswordWrittenInTheSpecIsAWarningAtItsLineAndAnErrorWhenStrict() throws IOException {
    Path file = write("realm: r\nsmtpServer:\n  password: hunter2\n");
    assertEquals(
        List.of(
            "3:13: warning: 'password' is a secret written in the spec; give it with ${env:NAME}"
                + " or ${file:PATH} (--strict refuses this)"),
        loader().load(List.of(file)).warnings().stream()
            .map(p -> p.toString().replace(file + ":", ""))
            .toList());
    SpecException strict =
        assertThrows(SpecException.class, () -> loader().strict(true).load(List.of(file)));
    assertEquals(
        List.of(
            "3:13: 'password' is a secret written in the spec; give it with ${env:NAME} or"
                + " ${file:PATH}"),
        strict.problems().stream().map(p -> p.toString().replace(file + ":", "")).toList());
  }

  @Test
  void maskedSmtpPasswordIsRefused() throws IOException {
    List<String> errors = errors("realm: r\nsmtpServer:\n  password: \"**********\"\n");
    assertTrue(
        errors.stream().anyMatch(e -> e.startsWith("3:13: this secret was masked")),
        errors.toString());
  }

  @Test
  void listsOfMappingsStillRefusedAtTheirLine() throws IOException {
    assertEquals(
        List.of("2:1: realm field 'userFederationProviders' is not managed by realmctl yet"),
        errors("realm: r\nuserFederationProviders: [{displayName: x}]\n"));
  }

  @Test
  void clientPoliciesAndLocalizationAndDefaultScopesAreCheckedAtTheirLine() throws IOException {
    assertEquals(
        List.of(
            "2:17: 'clientPolicies' must be a mapping with only 'policies'",
            "5:7: each of 'profiles' needs a 'name'",
            "6:1: 'localizationTexts' must map locales to mappings of texts",
            "8:31: client scope 'email' is both a default and an optional realm default scope"),
        errors(
            """
            realm: r
            clientPolicies: [a]
            clientProfiles:
              profiles:
                - description: no name
            localizationTexts: hello
            defaultDefaultClientScopes: [email]
            defaultOptionalClientScopes: [email]
            """));
  }

  private static LiveRealm live(Map<String, Object> settings) {
    return LiveRealm.of(settings);
  }

  private static Map<String, Object> liveSmtp(String host, String password) {
    Map<String, Object> smtp = new HashMap<>();
    smtp.put("host", host);
    smtp.put("port", "2525");
    smtp.put("auth", "true");
    smtp.put("user", "mailer");
    if (password != null) {
      smtp.put("password", password);
    }
    return Map.of("smtpServer", smtp);
  }

  private Plan plan(String yaml, LiveRealm live) throws IOException {
    return new Planner().plan(List.of(spec(yaml)), new LiveState(Map.of("r", live)));
  }

  /** The changes of the kinds under test: a live realm without a record plans one too. */
  private static List<Change> mine(Plan plan) {
    return plan.changes().stream().filter(c -> c.id().kind() != Kind.OWNERSHIP).toList();
  }

  private static List<String> fields(Plan plan) {
    return mine(plan).stream()
        .flatMap(c -> c.fields().stream().map(f -> c.id().path() + " " + f.name()))
        .toList();
  }

  @Test
  void maskedPasswordIsNeverCompared() throws IOException {
    assertTrue(mine(plan(SMTP, live(liveSmtp("smtp.example.test", "**********")))).isEmpty());
  }

  @Test
  void smtpChangeLaysOverTheLiveValueWithoutThePassword() throws IOException {
    Plan plan = plan(SMTP, live(liveSmtp("old.example.test", "**********")));
    assertEquals(List.of("realm smtpServer.host"), fields(plan));
    assertFalse(plan.changes().get(0).after().toString().contains("password"));
  }

  @Test
  void passwordIsSentWhenKeycloakHasNone() throws IOException {
    Plan plan = plan(SMTP, live(liveSmtp("smtp.example.test", null)));
    assertEquals(List.of("realm smtpServer.password"), fields(plan));
  }

  @ParameterizedTest
  @EnumSource(PlanRenderer.Format.class)
  void noRenderingPrintsTheSmtpPassword(PlanRenderer.Format format) throws IOException {
    Plan create = new Planner().plan(List.of(spec(SMTP)), new LiveState(Map.of()));
    Plan update = plan(SMTP, live(liveSmtp("smtp.example.test", null)));
    for (Plan plan : List.of(create, update)) {
      String out = PlanRenderer.of(format, true).render(plan);
      assertFalse(out.contains(PASSWORD), out);
    }
  }

  @Test
  void aNewRealmGetsTheWholeOtpPolicy() throws IOException {
    Plan plan =
        new Planner()
            .plan(List.of(spec("realm: r\notpPolicyDigits: 8\n")), new LiveState(Map.of()));
    Map<String, Object> create = plan.changes().get(0).after();
    assertEquals(8, create.get("otpPolicyDigits"));
    assertEquals("HmacSHA1", create.get("otpPolicyAlgorithm"));
    assertEquals("totp", create.get("otpPolicyType"));
  }

  private static final String POLICIES =
      """
      realm: r
      clientPolicies:
        policies:
          - name: p
            enabled: true
            conditions: [{condition: client-roles, configuration: {roles: [admin]}}]
            profiles: [strict]
      """;

  @Test
  void clientPoliciesCompareDeclaredKeysOnly() throws IOException {
    Map<String, Object> policy = new HashMap<>();
    policy.put("name", "p");
    policy.put("description", "");
    policy.put("enabled", true);
    policy.put(
        "conditions",
        List.of(
            Map.of(
                "condition", "client-roles", "configuration", Map.of("roles", List.of("admin")))));
    policy.put("profiles", List.of("strict"));
    var same = live(Map.of("clientPolicies", Map.of("policies", List.of(policy))));
    assertTrue(mine(plan(POLICIES, same)).isEmpty());
    Map<String, Object> disabled = new HashMap<>(policy);
    disabled.put("enabled", false);
    var drifted = live(Map.of("clientPolicies", Map.of("policies", List.of(disabled))));
    assertEquals(List.of("realm clientPolicies"), fields(plan(POLICIES, drifted)));
    var none = live(Map.of("clientPolicies", Map.of("policies", List.of())));
    assertEquals(List.of("realm clientPolicies"), fields(plan(POLICIES, none)));
  }

  @Test
  void localizationTextsEnforceTheirOwnKeys() throws IOException {
    String yaml = "realm: r\nlocalizationTexts:\n  en: {welcome: Hello}\n  de: {welcome: Hallo}\n";
    LiveRealm live =
        live(Map.of())
            .with(
                LocalizationPlanner.LIVE, Map.of("en", Map.of("welcome", "Hi", "other", "stays")));
    Plan plan = plan(yaml, live);
    assertEquals(
        List.of("+ localizationTexts/de", "~ localizationTexts/en"),
        mine(plan).stream().map(c -> c.action().symbol() + " " + c.id().path()).toList());
    assertEquals(
        List.of("localizationTexts/en welcome"),
        fields(plan).subList(fields(plan).size() - 1, fields(plan).size()));
  }

  @Test
  void realmDefaultScopesAreExactSetsOfKnownScopes() throws IOException {
    LiveRealm live =
        LiveRealms.unnamed()
            .clientScope("email")
            .clientScope("profile")
            .clientScope("phone")
            .part(
                RealmDefaultScopePlanner.LIVE,
                new RealmDefaultScopePlanner.Live(Set.of("email", "profile"), Set.of("phone")))
            .build();
    assertTrue(
        mine(plan("realm: r\ndefaultDefaultClientScopes: [profile, email]\n", live)).isEmpty());
    Plan plan = plan("realm: r\ndefaultDefaultClientScopes: [email]\n", live);
    assertEquals(List.of("defaultDefaultClientScopes defaultDefaultClientScopes"), fields(plan));
    assertEquals(List.of("email"), plan.changes().get(0).after().get("defaultDefaultClientScopes"));

    SpecException e =
        assertThrows(
            SpecException.class,
            () -> plan("realm: r\ndefaultOptionalClientScopes: [phone, nope]\n", live));
    assertEquals(
        Set.of("2:38: client scope 'nope' exists neither in the spec nor in realm 'r'"),
        e.problems().stream()
            .map(p -> p.toString().substring(p.toString().indexOf(".yaml:") + 6))
            .collect(Collectors.toSet()));
  }
}
