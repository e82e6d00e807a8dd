package dev.realmctl.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.realmctl.plan.RequiredActionPlanner.Live;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.support.LiveRealms;
import dev.realmctl.support.SpecFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RequiredActionPlanner: declared actions compared, one the server offers registered, one it does
 * not offer refused, the undeclared ones (Keycloak adds them on upgrade) left alone.
 */
class RequiredActionPlannerTest {
  private static final String SPEC =
      """
      realm: r
      requiredActions:
        - {alias: CONFIGURE_TOTP, enabled: true, defaultAction: true, priority: 10}
        - {alias: sms-otp, enabled: true, config: {length: "6"}}
      """;

  private static final Map<String, Object> TOTP =
      Map.of(
          "alias",
          "CONFIGURE_TOTP",
          "name",
          "Configure OTP",
          "providerId",
          "CONFIGURE_TOTP",
          "enabled",
          true,
          "defaultAction",
          true,
          "priority",
          10,
          "config",
          Map.of());

  /** A plugin's action, as Keycloak lists it once registered. */
  private static final Map<String, Object> SMS =
      Map.of(
          "alias",
          "sms-otp",
          "name",
          "SMS OTP",
          "providerId",
          "sms-otp",
          "enabled",
          true,
          "priority",
          20,
          "config",
          Map.of("length", "6"));

  @TempDir Path folder;

  private RealmSpec spec(String yaml) throws IOException {
    return SpecFiles.load(folder, yaml);
  }

  private static LiveRealm realmWith(
      Map<String, Map<String, Object>> registered, Map<String, String> unregistered) {
    return LiveRealms.realm("r")
        .part(RequiredActionPlanner.LIVE, Optional.of(new Live(registered, unregistered)))
        .build();
  }

  @Test
  void anOfferedActionIsRegisteredWithTheServersName() throws IOException {
    PlannerRun run =
        PlannerRun.of(
            new RequiredActionPlanner(),
            spec(SPEC),
            realmWith(Map.of("CONFIGURE_TOTP", TOTP), Map.of("sms-otp", "SMS OTP")));
    assertEquals(List.of("+ requiredActions/sms-otp"), run.paths());
    assertEquals(
        Map.of(
            "alias", "sms-otp",
            "providerId", "sms-otp",
            "name", "SMS OTP",
            "enabled", true,
            "config", Map.of("length", "6")),
        run.changes().get(0).after());
    assertEquals(1, run.unchanged());
  }

  @Test
  void aRealmNotYetThereRegistersWithoutKnowingTheName() throws IOException {
    PlannerRun run =
        PlannerRun.NEW_REALM.plan(new RequiredActionPlanner(), spec(SPEC), LiveRealm.empty());
    assertEquals(
        List.of("+ requiredActions/CONFIGURE_TOTP", "+ requiredActions/sms-otp"), run.paths());
    assertEquals(
        Map.of(
            "alias",
            "sms-otp",
            "providerId",
            "sms-otp",
            "enabled",
            true,
            "config",
            Map.of("length", "6")),
        run.changes().get(1).after());
  }

  @Test
  void actionsAsDeclaredPlanNothingAndUndeclaredOnesStay() throws IOException {
    var live =
        realmWith(
            Map.of(
                "CONFIGURE_TOTP", TOTP,
                "sms-otp", SMS,
                "VERIFY_EMAIL", Map.of("alias", "VERIFY_EMAIL", "enabled", false)),
            Map.of("delete_account", "Delete Account"));
    assertEquals(
        new PlannerRun(List.of(), 2, List.of()),
        PlannerRun.of(new RequiredActionPlanner(), spec(SPEC), live));
  }

  @Test
  void aChangedPriorityIsAnUpdateOfThatField() throws IOException {
    Map<String, Object> moved = new java.util.HashMap<>(TOTP);
    moved.put("priority", 30);
    PlannerRun run =
        PlannerRun.of(
            new RequiredActionPlanner(),
            spec(SPEC),
            realmWith(Map.of("CONFIGURE_TOTP", moved, "sms-otp", SMS), Map.of()));
    assertEquals(List.of("~ requiredActions/CONFIGURE_TOTP"), run.paths());
    assertEquals(
        List.of(new FieldChange("priority", Optional.empty(), Optional.of(30), Optional.of(10))),
        run.changes().get(0).fields());
  }

  @Test
  void anActionTheServerDoesNotOfferIsRefusedAtItsLine() throws IOException {
    PlannerRun run =
        PlannerRun.of(
            new RequiredActionPlanner(),
            spec(SPEC),
            realmWith(Map.of("CONFIGURE_TOTP", TOTP), Map.of()));
    assertEquals(
        List.of(
            "4:5: required action 'sms-otp' is not offered by this Keycloak (provider 'sms-otp')"),
        run.problems());
    assertEquals(List.of(), run.paths());
  }

  @Test
  void anAliasOtherThanItsProvidersIsComparedWhenThereButNeverRegistered() throws IOException {
    // Keycloak's admin API registers an action under its provider's id whatever alias it is sent
    // (measured on 26.7.3): only a realm import makes another alias.
    RealmSpec terms =
        spec(
            "realm: r\nrequiredActions:\n"
                + "  - {alias: terms, providerId: TERMS_AND_CONDITIONS, enabled: true}\n");
    Map<String, Object> imported =
        Map.of("alias", "terms", "providerId", "TERMS_AND_CONDITIONS", "enabled", true);
    assertEquals(
        new PlannerRun(List.of(), 1, List.of()),
        PlannerRun.of(
            new RequiredActionPlanner(), terms, realmWith(Map.of("terms", imported), Map.of())));

    String refused =
        "3:13: required action 'terms' would be registered as 'TERMS_AND_CONDITIONS', its"
            + " provider's id, which Keycloak's admin API uses as the alias: write alias"
            + " 'TERMS_AND_CONDITIONS'";
    assertEquals(
        new PlannerRun(List.of(), 0, List.of(refused)),
        PlannerRun.of(
            new RequiredActionPlanner(),
            terms,
            realmWith(Map.of(), Map.of("TERMS_AND_CONDITIONS", "Terms and Conditions"))));
    assertEquals(
        new PlannerRun(List.of(), 0, List.of(refused)),
        PlannerRun.NEW_REALM.plan(new RequiredActionPlanner(), terms, LiveRealm.empty()));
  }

  @Test
  void onlyActionsRealmctlRegisteredAreRecordedOrPruned() throws IOException {
    Owned registered = new RequiredActionPlanner().owned().get(0);
    assertEquals(Set.of("sms-otp"), registered.declared(spec(SPEC)));
    var live = realmWith(Map.of("CONFIGURE_TOTP", TOTP, "sms-otp", SMS), Map.of());
    var pruning = new Owned.Pruning(Ownership.empty(), Ownership.empty());
    assertEquals(Optional.empty(), registered.delete("r", "CONFIGURE_TOTP", live, pruning));
    assertEquals(
        Optional.of(Change.delete(new RequiredActionPlanner.Id("r", "sms-otp"), SMS)),
        registered.delete("r", "sms-otp", live, pruning));
  }
}
