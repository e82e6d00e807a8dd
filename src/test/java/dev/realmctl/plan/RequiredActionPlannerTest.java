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
        - {alias: terms, providerId: TERMS_AND_CONDITIONS, enabled: true}
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

  private static final Map<String, Object> TERMS =
      Map.of(
          "alias", "terms",
          "name", "Terms and Conditions",
          "providerId", "TERMS_AND_CONDITIONS",
          "enabled", true,
          "priority", 20);

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
  void anOfferedActionIsRegisteredUnderItsAliasWithTheServersName() throws IOException {
    PlannerRun run =
        PlannerRun.of(
            new RequiredActionPlanner(),
            spec(SPEC),
            realmWith(
                Map.of("CONFIGURE_TOTP", TOTP),
                Map.of("TERMS_AND_CONDITIONS", "Terms and Conditions")));
    assertEquals(List.of("+ requiredActions/terms"), run.paths());
    assertEquals(
        Map.of(
            "alias", "terms",
            "providerId", "TERMS_AND_CONDITIONS",
            "name", "Terms and Conditions",
            "enabled", true),
        run.changes().get(0).after());
    assertEquals(1, run.unchanged());
  }

  @Test
  void aRealmNotYetThereRegistersWithoutKnowingTheName() throws IOException {
    PlannerRun run =
        PlannerRun.NEW_REALM.plan(new RequiredActionPlanner(), spec(SPEC), LiveRealm.empty());
    assertEquals(
        List.of("+ requiredActions/CONFIGURE_TOTP", "+ requiredActions/terms"), run.paths());
    assertEquals(
        Map.of("alias", "terms", "providerId", "TERMS_AND_CONDITIONS", "enabled", true),
        run.changes().get(1).after());
  }

  @Test
  void actionsAsDeclaredPlanNothingAndUndeclaredOnesStay() throws IOException {
    var live =
        realmWith(
            Map.of(
                "CONFIGURE_TOTP", TOTP,
                "terms", TERMS,
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
            realmWith(Map.of("CONFIGURE_TOTP", moved, "terms", TERMS), Map.of()));
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
            "4:5: required action 'terms' is not offered by this Keycloak"
                + " (provider 'TERMS_AND_CONDITIONS')"),
        run.problems());
    assertEquals(List.of(), run.paths());
  }

  @Test
  void onlyActionsRealmctlRegisteredAreRecordedOrPruned() throws IOException {
    Owned registered = new RequiredActionPlanner().owned().get(0);
    assertEquals(Set.of("terms"), registered.declared(spec(SPEC)));
    var live = realmWith(Map.of("CONFIGURE_TOTP", TOTP, "terms", TERMS), Map.of());
    var pruning = new Owned.Pruning(Ownership.empty(), Ownership.empty());
    assertEquals(Optional.empty(), registered.delete("r", "CONFIGURE_TOTP", live, pruning));
    assertEquals(
        Optional.of(Change.delete(new RequiredActionPlanner.Id("r", "terms"), TERMS)),
        registered.delete("r", "terms", live, pruning));
  }
}
