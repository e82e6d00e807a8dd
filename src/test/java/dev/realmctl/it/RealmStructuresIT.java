package dev.realmctl.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.keycloak.Connection;
import dev.realmctl.keycloak.Reconciler;
import dev.realmctl.plan.Change;
import dev.realmctl.plan.Plan;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.support.Admin;
import dev.realmctl.support.Cli;
import dev.realmctl.support.Specs;
import dev.realmctl.support.TestKeycloak;
import dev.realmctl.support.TestSecrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The realm's own structured fields: mail server (its password set, never compared), events,
 * security headers, attributes, locales and texts, OTP and WebAuthn policies, the realm's default
 * client scopes, client policies and profiles. Apply, converge, change some, export, plan the
 * export empty.
 */
class RealmStructuresIT {
  private static final String SPEC =
      """
      smtpServer:
        host: smtp.example.test
        port: 2525
        from: %s
        auth: "true"
        user: mailer
        password: ${env:STRUCTURES_SMTP_PASSWORD}
      eventsEnabled: true
      eventsExpiration: 3600
      eventsListeners: [jboss-logging]
      enabledEventTypes: [LOGIN, LOGIN_ERROR]
      adminEventsEnabled: true
      adminEventsDetailsEnabled: %s
      browserSecurityHeaders:
        xFrameOptions: DENY
      attributes:
        team: platform
      internationalizationEnabled: true
      supportedLocales: [en, de]
      defaultLocale: en
      requiredCredentials: [password]
      otpPolicyDigits: %s
      otpPolicyPeriod: 60
      webAuthnPolicyRpEntityName: realmctl
      webAuthnPolicyAcceptableAaguids: [ee882879-721c-4913-9775-3dfcce97072a]
      webAuthnPolicyExtraOrigins: [https://app.example.test]
      clientScopes:
        - name: api-audience
          protocol: openid-connect
      defaultDefaultClientScopes: [basic, profile, email, roles, web-origins, acr, api-audience]
      defaultOptionalClientScopes: [offline_access, phone, %s]
      localizationTexts:
        en: {welcome: Hello}
        de: {welcome: %s}
      clientProfiles:
        profiles:
          - name: strict
            description: Strict clients
            executors:
              - executor: secure-session
                configuration: {}
      clientPolicies:
        policies:
          - name: strict-for-admins
            description: ""
            enabled: %s
            conditions:
              - condition: client-roles
                configuration:
                  roles: [admin]
            profiles: [strict]
      """;

  @TempDir Path folder;
  private final TestSecrets secrets = TestSecrets.ofRun();

  @Test
  void applyConvergeChangeExport() throws IOException {
    String realm = Specs.uniqueName("structures");
    try (Connection connection = TestKeycloak.get().connect();
        Admin admin = Admin.of(TestKeycloak.get())) {
      Reconciler reconciler = new Reconciler(connection);
      RealmSpec first =
          spec(realm, "noreply@example.test", "true", "8", "address", "Hallo", "true");
      reconciler.apply(reconciler.plan(List.of(first)), c -> {});

      var live = admin.realm(realm).toRepresentation();
      assertEquals("smtp.example.test", live.getSmtpServer().get("host"));
      assertEquals("**********", live.getSmtpServer().get("password"), "the password is set");
      assertTrue(live.isEventsEnabled());
      assertEquals(3600L, live.getEventsExpiration());
      assertEquals(Set.of("LOGIN", "LOGIN_ERROR"), Set.copyOf(live.getEnabledEventTypes()));
      assertTrue(live.isAdminEventsDetailsEnabled());
      var events = admin.realm(realm).getRealmEventsConfig();
      assertTrue(events.isEventsEnabled(), "the events endpoint agrees with the realm");
      assertTrue(events.isAdminEventsEnabled());
      assertEquals("DENY", live.getBrowserSecurityHeaders().get("xFrameOptions"));
      assertEquals("platform", live.getAttributes().get("team"));
      assertEquals(8, live.getOtpPolicyDigits());
      assertEquals(
          List.of("ee882879-721c-4913-9775-3dfcce97072a"),
          live.getWebAuthnPolicyAcceptableAaguids());
      Set<String> defaults =
          new java.util.HashSet<>(
              Set.of("basic", "profile", "email", "roles", "web-origins", "acr", "api-audience"));
      if (TestKeycloak.get().behaviour().missingBuiltInScope("basic").isPresent()) {
        defaults.remove("basic");
      }
      assertEquals(defaults, names(admin.realm(realm).getDefaultDefaultClientScopes()));
      assertEquals(
          Set.of("offline_access", "phone", "address"),
          names(admin.realm(realm).getDefaultOptionalClientScopes()));
      assertEquals(
          "Hallo", admin.realm(realm).localization().getRealmLocalizationText("de", "welcome"));
      assertEquals(
          "strict",
          admin
              .realm(realm)
              .clientPoliciesProfilesResource()
              .getProfiles(false)
              .getProfiles()
              .get(0)
              .getName());
      assertEquals(
          "strict-for-admins",
          admin
              .realm(realm)
              .clientPoliciesPoliciesResource()
              .getPolicies()
              .getPolicies()
              .get(0)
              .getName());

      Plan second = reconciler.plan(List.of(first)).plan();
      assertTrue(second.isEmpty(), () -> "a second plan is empty: " + second.changes());

      RealmSpec changed =
          spec(realm, "mail@example.test", "false", "6", "microprofile-jwt", "Guten Tag", "false");
      Plan update = reconciler.plan(List.of(changed)).plan();
      assertEquals(
          List.of(
              "UPDATE realm adminEventsDetailsEnabled clientPolicies otpPolicyDigits"
                  + " smtpServer.from",
              "UPDATE localizationTexts/de welcome",
              "UPDATE defaultOptionalClientScopes defaultOptionalClientScopes"),
          update.changes().stream().map(RealmStructuresIT::describe).toList());
      reconciler.apply(reconciler.plan(List.of(changed)), c -> {});
      live = admin.realm(realm).toRepresentation();
      assertEquals("mail@example.test", live.getSmtpServer().get("from"));
      assertEquals("**********", live.getSmtpServer().get("password"), "the password stays");
      assertFalse(live.isAdminEventsDetailsEnabled());
      assertEquals(6, live.getOtpPolicyDigits());
      assertEquals(
          Set.of("offline_access", "phone", "microprofile-jwt"),
          names(admin.realm(realm).getDefaultOptionalClientScopes()));
      assertEquals(
          "Guten Tag", admin.realm(realm).localization().getRealmLocalizationText("de", "welcome"));
      Plan after = reconciler.plan(List.of(changed)).plan();
      assertTrue(after.isEmpty(), () -> "converged: " + after.changes());
    }

    Path exported = folder.resolve("exported.yaml");
    Cli.Run run = Cli.run(secrets, "export", realm, "--output", exported.toString());
    assertEquals(0, run.exitCode(), run.err());
    String yaml = Files.readString(exported);
    assertFalse(yaml.contains(secrets.value("STRUCTURES_SMTP_PASSWORD")), "export leaks");
    String variable = realm.toUpperCase().replaceAll("[^A-Z0-9]+", "_") + "_SMTP_PASSWORD";
    assertTrue(yaml.contains("${env:" + variable + "}"), yaml);
    assertFalse(yaml.contains("realmctl.ownership"), yaml);
    TestSecrets withVariable = secrets.with(variable, secrets.value("STRUCTURES_SMTP_PASSWORD"));
    try (Connection connection = TestKeycloak.get().connect()) {
      var plan = new Reconciler(connection).plan(Specs.load(withVariable, exported)).plan();
      assertTrue(
          plan.isEmpty(), () -> "exported spec plans changes: " + plan.changes() + "\n" + yaml);
    }
  }

  private static String describe(Change change) {
    return change.action()
        + " "
        + change.id().path()
        + change.fields().stream().map(f -> " " + f.name()).sorted().collect(Collectors.joining());
  }

  private static Set<String> names(
      List<org.keycloak.representations.idm.ClientScopeRepresentation> scopes) {
    return scopes.stream().map(s -> s.getName()).collect(Collectors.toCollection(TreeSet::new));
  }

  private RealmSpec spec(String realm, Object... values) throws IOException {
    String body = Specs.forServer(SPEC.formatted(values));
    Path file =
        Files.writeString(
            folder.resolve("structures-" + body.hashCode() + ".yaml"),
            "realm: " + realm + "\n" + body);
    return Specs.load(secrets, file).get(0);
  }
}
