package dev.realmctl.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.realmctl.spec.RealmSpec;
import dev.realmctl.support.LiveRealms;
import dev.realmctl.support.SpecFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PrunePlanner, with {@code --prune} only: deletes what realmctl recorded as its own, the spec no
 * longer declares and still exists; never a built-in, whatever the record says, never what a person
 * made by hand, and nothing that goes with something else it deletes.
 */
class PrunePlannerTest {
  private static final String SPEC = "realm: r\nclients: [{clientId: app}]\n";

  /** Recorded: built-ins a record should not hold, and what the spec dropped. */
  private static final String RECORD =
      """
      {"clients":["account","app","old"],
       "clientScopes":["orders","profile"],
       "roles":["offline_access","default-roles-r","old-role"],
       "clientRoles":["app/old","old/buy","account/manage-account"],
       "groups":["staff","staff/ops"],
       "users":["gone-user","ann"],
       "requiredActions":["CONFIGURE_TOTP","sms-otp"]}
      """;

  @TempDir Path folder;

  private RealmSpec spec() throws IOException {
    return SpecFiles.load(folder, SPEC);
  }

  private static LiveRealm live() {
    return LiveRealms.realm("r")
        .owning(RECORD)
        .client("account")
        .client("app")
        .client("old")
        .client("by-hand")
        .clientScope("orders")
        .clientScope("profile")
        .realmRoles("offline_access", "default-roles-r", "old-role", "by-hand")
        .clientRole("app", "old")
        .clientRole("old", "buy")
        .clientRole("account", "manage-account")
        .groups("staff", "staff/ops")
        .user("ann", user -> user.fields("username", "ann"))
        .part(
            RequiredActionPlanner.LIVE,
            Optional.of(
                new RequiredActionPlanner.Live(
                    Map.of(
                        "CONFIGURE_TOTP", Map.of("alias", "CONFIGURE_TOTP"),
                        "sms-otp", Map.of("alias", "sms-otp")),
                    Map.of())))
        .build();
  }

  @Test
  void deletesOnlyWhatItOwnsAndTheSpecDroppedNeverABuiltIn() throws IOException {
    PlannerRun run = PlannerRun.EXISTING_REALM.pruning().plan(new PrunePlanner(), spec(), live());
    assertEquals(
        List.of(
            "- clientScopes/orders",
            "- clients/old",
            "- roles/realm/old-role",
            "- roles/client/app/old",
            "- groups/staff",
            "- users/ann",
            "- requiredActions/sms-otp"),
        run.paths());
    assertEquals(Map.of("clientId", "old"), run.change("- clients/old").before());
    assertEquals(List.of(), run.problems());
  }

  @Test
  void withoutPruneOrForARealmYetToBeMadeNothingIsDeleted() throws IOException {
    assertEquals(
        new PlannerRun(List.of(), 0, List.of()), PlannerRun.of(new PrunePlanner(), spec(), live()));
    assertEquals(
        new PlannerRun(List.of(), 0, List.of()),
        PlannerRun.NEW_REALM.pruning().plan(new PrunePlanner(), spec(), live()));
  }

  @Test
  void aRealmWithoutARecordOwnsNothingToPrune() throws IOException {
    LiveRealm unrecorded =
        LiveRealms.realm("r").client("app").client("old").realmRoles("old-role").build();
    assertEquals(
        new PlannerRun(List.of(), 0, List.of()),
        PlannerRun.EXISTING_REALM.pruning().plan(new PrunePlanner(), spec(), unrecorded));
  }
}
