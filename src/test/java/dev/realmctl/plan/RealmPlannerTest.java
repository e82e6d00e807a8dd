package dev.realmctl.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.spec.RealmSpec;
import dev.realmctl.support.SpecFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RealmPlanner's pure steps: the desired settings, the one reference check, the diff. */
class RealmPlannerTest {
  @TempDir Path folder;

  private RealmSpec spec(String body) throws IOException {
    return SpecFiles.load(folder, "realm: r\n" + body);
  }

  @Test
  void flowBindingsAreLeftToFlowPlannerAndANewRealmTakesTheOtpPolicyWhole() throws IOException {
    var desired = RealmPlanner.desired(spec("browserFlow: mine\notpPolicyDigits: 8\n"));
    assertEquals(Map.of("otpPolicyDigits", 8), desired);
    Map<String, Object> create = RealmPlanner.create("r", desired);
    assertEquals(8, create.get("otpPolicyDigits"));
    assertEquals("totp", create.get("otpPolicyType"));
    assertEquals(true, create.get("enabled"));
  }

  @Test
  void theOwnershipAttributeIsRealmctlsOwn() throws IOException {
    assertTrue(RealmPlanner.references(spec("attributes: {team: a}\n")).isEmpty());
    var refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            dev.realmctl.spec.SpecException.class,
            () -> spec("attributes: {" + Ownership.ATTRIBUTE + ": x}\n"));
    assertTrue(refused.getMessage().contains("remove it from the spec"), refused.getMessage());
  }

  @Test
  void theSmtpPasswordIsComparedOnlyWhenKeycloakHasNone() {
    Map<String, Object> desired =
        Map.of("smtpServer", Map.of("host", "mail.test", "password", "hunter2"));
    Map<String, Object> masked =
        Map.of("smtpServer", Map.of("host", "mail.test", "password", "**********"));
    assertTrue(RealmPlanner.diff(desired, masked).isEmpty());
    List<FieldChange> none =
        RealmPlanner.diff(desired, Map.of("smtpServer", Map.of("host", "mail.test")));
    assertFalse(none.isEmpty());
  }

  @Test
  void clientPoliciesAreCoveredKeyByKey() throws IOException {
    var desired =
        RealmPlanner.desired(spec("clientPolicies: {policies: [{name: p, enabled: true}]}\n"));
    Map<String, Object> live =
        Map.of(
            "clientPolicies",
            Map.of("policies", List.of(Map.of("name", "p", "enabled", true, "extra", 1))));
    assertTrue(RealmPlanner.diff(desired, live).isEmpty());
    assertEquals(
        "clientPolicies",
        RealmPlanner.diff(desired, Map.of("clientPolicies", Map.of("policies", List.of())))
            .get(0)
            .field());
  }
}
