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
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RealmDefaultScopePlanner: each declared list of the realm's default scopes is the exact set, one
 * resource per list, and each scope must exist.
 */
class RealmDefaultScopePlannerTest {
  private static final String SPEC =
      """
      realm: r
      clientScopes: [{name: orders}]
      defaultDefaultClientScopes: [profile, orders]
      defaultOptionalClientScopes: [email]
      """;

  @TempDir Path folder;

  private RealmSpec spec(String yaml) throws IOException {
    return SpecFiles.load(folder, yaml);
  }

  private static LiveRealm realmWith(Set<String> defaults, Set<String> optionals) {
    LiveRealms realm = LiveRealms.realm("r");
    for (String scope : List.of("profile", "email", "orders", "roles")) {
      realm.clientScope(scope);
    }
    return realm
        .part(RealmDefaultScopePlanner.LIVE, new RealmDefaultScopePlanner.Live(defaults, optionals))
        .build();
  }

  @Test
  void aNewRealmIsGivenEachDeclaredListWholeAndSorted() throws IOException {
    PlannerRun run =
        PlannerRun.NEW_REALM.plan(new RealmDefaultScopePlanner(), spec(SPEC), LiveRealm.empty());
    assertEquals(
        List.of("+ defaultDefaultClientScopes", "+ defaultOptionalClientScopes"), run.paths());
    assertEquals(
        Map.of("defaultDefaultClientScopes", List.of("orders", "profile")),
        run.changes().get(0).after());
    assertEquals(
        Map.of("defaultOptionalClientScopes", List.of("email")), run.changes().get(1).after());
    assertEquals(List.of(), run.problems());
  }

  @Test
  void listsAsDeclaredPlanNothing() throws IOException {
    assertEquals(
        new PlannerRun(List.of(), 2, List.of()),
        PlannerRun.of(
            new RealmDefaultScopePlanner(),
            spec(SPEC),
            realmWith(Set.of("orders", "profile"), Set.of("email"))));
  }

  @Test
  void aListThatDiffersIsOneUpdateWithBothWholeLists() throws IOException {
    PlannerRun run =
        PlannerRun.of(
            new RealmDefaultScopePlanner(),
            spec(SPEC),
            realmWith(Set.of("roles", "profile"), Set.of("email")));
    assertEquals(List.of("~ defaultDefaultClientScopes"), run.paths());
    assertEquals(
        List.of(
            new FieldChange(
                "defaultDefaultClientScopes",
                Optional.empty(),
                Optional.of(List.of("profile", "roles")),
                Optional.of(List.of("orders", "profile")))),
        run.changes().get(0).fields());
    assertEquals(1, run.unchanged());
  }

  @Test
  void aListTheSpecLeavesOutIsNotPlanned() throws IOException {
    PlannerRun run =
        PlannerRun.of(
            new RealmDefaultScopePlanner(),
            spec("realm: r\ndefaultOptionalClientScopes: [email]\n"),
            realmWith(Set.of("roles"), Set.of("email")));
    assertEquals(new PlannerRun(List.of(), 1, List.of()), run);
  }

  @Test
  void aScopeThatExistsNowhereIsReportedAtItsListItem() throws IOException {
    String yaml = SPEC.replace("[profile, orders]", "[profile, nope]");
    PlannerRun run =
        PlannerRun.of(
            new RealmDefaultScopePlanner(), spec(yaml), realmWith(Set.of("profile"), Set.of()));
    assertEquals(
        List.of("3:39: client scope 'nope' exists neither in the spec nor in realm 'r'"),
        run.problems());
  }

  @Test
  void aNewRealmsBuiltInScopeCountsButOnlyFromTheVersionThatHasIt() throws IOException {
    RealmSpec basic = spec("realm: r\ndefaultDefaultClientScopes: [basic, profile]\n");
    assertEquals(
        List.of(),
        PlannerRun.NEW_REALM
            .plan(new RealmDefaultScopePlanner(), basic, LiveRealm.empty())
            .problems());
    assertEquals(
        List.of("2:30: client scope 'basic' needs Keycloak 25 or newer; the server runs 24.0.5"),
        PlannerRun.NEW_REALM
            .keycloak("24.0.5")
            .plan(new RealmDefaultScopePlanner(), basic, LiveRealm.empty())
            .problems());
  }
}
