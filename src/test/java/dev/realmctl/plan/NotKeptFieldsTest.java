package dev.realmctl.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.spec.Problem;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.support.SpecFiles;
import dev.realmctl.version.KeycloakVersion;
import dev.realmctl.version.VersionBehaviour;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A declared field the server's version does not keep (the probe's resource for that version) is a
 * warning at its line naming the version, and never planned.
 */
class NotKeptFieldsTest {
  @TempDir Path folder;

  private Plan plan(String yaml, String version) throws IOException {
    RealmSpec spec = SpecFiles.load(folder, yaml);
    return new Planner()
        .plan(
            List.of(spec),
            new LiveState(Map.of(), VersionBehaviour.of(KeycloakVersion.of(version))));
  }

  private static List<String> warnings(Plan plan) {
    return plan.warnings().stream().map(Problem::toString).toList();
  }

  private static boolean plans(Plan plan, String field) {
    return plan.changes().stream()
        .anyMatch(c -> c.after().containsKey(field) || c.before().containsKey(field));
  }

  @Test
  void anIdentityProvidersFirstLoginModeIsWarnedWithTheVersionAndNeverPlanned() throws IOException {
    Plan plan =
        plan(
            """
            realm: r
            identityProviders:
              - alias: corp
                providerId: oidc
                displayName: Corporate SSO
                updateProfileFirstLoginMode: "on"
                config: {clientId: realmctl}
            """,
            "26.7.3");
    assertTrue(
        warnings(plan)
            .contains(
                folder.resolve("r.yaml")
                    + ":6:5: warning: Keycloak 26.7 does not keep updateProfileFirstLoginMode on"
                    + " identity providers: ignored"),
        warnings(plan).toString());
    assertFalse(plans(plan, "updateProfileFirstLoginMode"), plan.changes().toString());
    assertTrue(plans(plan, "displayName"), plan.changes().toString());
  }

  @Test
  void aServerNewerThanEveryProbeIsReadWithTheNewestProbedAndNamedAsItIs() throws IOException {
    Plan plan =
        plan(
            """
            realm: r
            identityProviders:
              - alias: corp
                providerId: oidc
                updateProfileFirstLoginMode: "on"
                config: {clientId: realmctl}
            """,
            "26.8.1");
    assertTrue(
        warnings(plan).stream().anyMatch(w -> w.contains("Keycloak 26.8 does not keep")),
        warnings(plan).toString());
    assertFalse(plans(plan, "updateProfileFirstLoginMode"));
  }

  @Test
  void aMappersConsentIsWarnedOnlyWhenSetAndNeverPlanned() throws IOException {
    Plan plan =
        plan(
            """
            realm: r
            clients:
              - clientId: app
                protocolMappers:
                  - name: aud
                    protocol: openid-connect
                    protocolMapper: oidc-audience-mapper
                    consentRequired: true
                    consentText: hello
                  - name: aud2
                    protocol: openid-connect
                    protocolMapper: oidc-audience-mapper
                    consentRequired: false
            """,
            "26.7.3");
    assertEquals(2, warnings(plan).size(), warnings(plan).toString());
    assertTrue(
        warnings(plan)
            .get(0)
            .endsWith(
                ":8:9: warning: Keycloak 26.7 does not keep consentRequired on protocol mappers: ignored"),
        warnings(plan).toString());
    assertFalse(plans(plan, "consentRequired"));
    assertFalse(plan.changes().toString().contains("consentRequired"), plan.changes().toString());
  }
}
