package dev.realmctl.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.plan.OrganizationPlanner.Live;
import dev.realmctl.plan.OrganizationPlanner.Organizations;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.SpecException;
import dev.realmctl.support.LiveRealms;
import dev.realmctl.version.KeycloakVersion;
import dev.realmctl.version.VersionBehaviour;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrganizationPlannerTest {
  @TempDir Path folder;

  private static final String SPEC =
      """
      realm: r
      organizationsEnabled: true
      organizations:
        - name: acme
          description: Acme Inc
          domains: [{name: acme.test}, {name: acme.example, verified: true}]
          identityProviders: [{alias: corp}]
          members: [{username: bob}]
      """;

  private RealmSpec spec(String yaml) throws IOException {
    return dev.realmctl.support.SpecFiles.load(folder, yaml);
  }

  private static List<String> paths(Plan plan) {
    return dev.realmctl.support.SpecFiles.paths(plan);
  }

  /** A realm that has what {@link #SPEC} declares, and records it as realmctl's. */
  private static LiveRealm matching(Set<String> members, Set<String> managed) {
    Live acme =
        new Live(
            Map.of(
                "id",
                "x",
                "name",
                "acme",
                "alias",
                "acme",
                "enabled",
                true,
                "description",
                "Acme Inc",
                "domains",
                List.of(
                    Map.of("name", "acme.test", "verified", false),
                    Map.of("name", "acme.example", "verified", true))),
            Set.of("corp"),
            members,
            managed);
    return LiveRealms.unnamed()
        .setting("organizationsEnabled", true)
        .owning("{\"organizations\":[\"acme\"]}")
        .part(
            OrganizationPlanner.LIVE,
            new Organizations(Map.of("acme", acme), Set.of("bob"), Set.of("corp")))
        .build();
  }

  @Test
  void newRealmCreatesOrganizationThenItsLinksAfterProviderAndUser() throws IOException {
    String yaml =
        SPEC
            + """
            identityProviders:
              - alias: corp
                providerId: oidc
            users:
              - username: bob
            """;
    Plan plan = new Planner().plan(List.of(spec(yaml)), new LiveState(Map.of()));
    List<String> paths = paths(plan);
    assertTrue(paths.indexOf("+ organizations/acme") > paths.indexOf("+ realm"), paths.toString());
    assertTrue(
        paths.indexOf("+ organizations/acme/identityProviders/corp")
            > paths.indexOf("+ identityProviders/corp"),
        paths.toString());
    assertTrue(
        paths.indexOf("+ organizations/acme/members/bob") > paths.indexOf("+ users/bob"),
        paths.toString());
    Change create =
        plan.changes().stream()
            .filter(c -> c.id().path().equals("organizations/acme"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        List.of(
            Map.of("name", "acme.example", "verified", true),
            Map.of("name", "acme.test", "verified", false)),
        create.after().get("domains"));
  }

  @Test
  void matchingRealmPlansNothing() throws IOException {
    Plan plan =
        new Planner()
            .plan(
                List.of(spec(SPEC)), new LiveState(Map.of("r", matching(Set.of("bob"), Set.of()))));
    assertTrue(plan.isEmpty(), () -> paths(plan).toString());
  }

  @Test
  void changedDomainIsOneUpdate() throws IOException {
    Plan plan =
        new Planner()
            .plan(
                List.of(spec(SPEC.replace("acme.test", "acme.org"))),
                new LiveState(Map.of("r", matching(Set.of("bob"), Set.of()))));
    assertEquals(List.of("~ organizations/acme"), paths(plan));
    assertEquals("domains", plan.changes().get(0).fields().get(0).name());
  }

  @Test
  void aMemberMovedInIsAddedBeforeTheOldOneLeavesAndManagedMembersStay() throws IOException {
    Plan plan =
        new Planner()
            .plan(
                List.of(spec(SPEC)),
                new LiveState(Map.of("r", matching(Set.of("carol"), Set.of("dave")))));
    assertEquals(
        List.of("+ organizations/acme/members/bob", "- organizations/acme/members/carol"),
        paths(plan));
  }

  @Test
  void pruneDeletesAnOwnedOrganizationTheSpecDropped() throws IOException {
    String none = "realm: r\norganizationsEnabled: true\norganizations: []\n";
    LiveState live = new LiveState(Map.of("r", matching(Set.of("bob"), Set.of())));
    assertTrue(new Planner().plan(List.of(spec(none)), live).isEmpty(), "no prune, no delete");
    assertEquals(
        List.of("- organizations/acme", "~ ownership"),
        paths(new Planner().plan(List.of(spec(none)), live, true)));
  }

  @Test
  void referencesThatExistNowhereFailAtTheirLine() throws IOException {
    var error =
        assertThrows(
            SpecException.class,
            () -> new Planner().plan(List.of(spec(SPEC)), new LiveState(Map.of())));
    assertTrue(
        error.getMessage().contains("r.yaml:7:33: identity provider 'corp' exists neither"),
        error.getMessage());
    assertTrue(
        error.getMessage().contains("r.yaml:8:26: user 'bob' exists neither"), error.getMessage());
  }

  @Test
  void organizationsNeedTheRealmSwitchOn() throws IOException {
    var error =
        assertThrows(
            SpecException.class,
            () ->
                new Planner()
                    .plan(
                        List.of(spec(SPEC.replace("organizationsEnabled: true\n", ""))),
                        new LiveState(Map.of())));
    assertTrue(
        error.getMessage().contains("r.yaml:2:1: organizations need 'organizationsEnabled: true'"),
        error.getMessage());
  }

  @Test
  void olderServersRefuseTheSectionAtItsLine() throws IOException {
    var error =
        assertThrows(
            SpecException.class,
            () ->
                new Planner()
                    .plan(
                        List.of(spec(SPEC)),
                        new LiveState(
                            Map.of(), VersionBehaviour.of(KeycloakVersion.of("25.0.6")))));
    assertTrue(
        error.getMessage().contains("r.yaml:3:1: realm field 'organizations' needs Keycloak 26"),
        error.getMessage());
  }

  @Test
  void declaredTwiceIsAnErrorAtTheSecond() {
    var error =
        assertThrows(
            SpecException.class,
            () -> spec("realm: r\norganizations:\n  - name: a\n  - name: b\n    alias: a\n"));
    assertTrue(
        error.getMessage().contains("r.yaml:4:5: organization 'a' is declared twice"),
        error.getMessage());
  }

  // --- the steps one by one ---

  @Test
  void organizationsNeedAServerThatHasThemAndTheRealmEnabled() throws IOException {
    RealmSpec spec = spec(SPEC);
    assertTrue(
        OrganizationPlanner.refusal(spec, LiveRealm.empty(), VersionBehaviour.newestTested())
            .isEmpty());
    var old = VersionBehaviour.of(KeycloakVersion.of("24.0.5"));
    assertTrue(
        OrganizationPlanner.refusal(spec, LiveRealm.empty(), old)
            .orElseThrow()
            .message()
            .startsWith("realm field 'organizations' needs Keycloak 26"));
    RealmSpec disabled = spec(SPEC.replace("organizationsEnabled: true\n", ""));
    assertTrue(
        OrganizationPlanner.refusal(disabled, LiveRealm.empty(), VersionBehaviour.newestTested())
            .orElseThrow()
            .message()
            .startsWith("organizations need 'organizationsEnabled: true'"));
    assertTrue(
        OrganizationPlanner.refusal(
                disabled, matching(Set.of(), Set.of()), VersionBehaviour.newestTested())
            .isEmpty());
  }

  @Test
  void aLinkedProviderOrMemberMustExistSomewhere() throws IOException {
    RealmSpec spec = spec(SPEC);
    var org = spec.of(dev.realmctl.spec.OrganizationSpec.SECTION).get(0);
    var nobody = new OrganizationPlanner.Known(Set.of(), Set.of());
    assertEquals(
        List.of(
            "identity provider 'corp' exists neither in the spec nor in realm 'r'",
            "user 'bob' exists neither in the spec nor in realm 'r'"),
        OrganizationPlanner.references(org, nobody, "r").stream().map(p -> p.message()).toList());
    var known = OrganizationPlanner.Known.of(spec, matching(Set.of(), Set.of()));
    assertTrue(OrganizationPlanner.references(org, known, "r").isEmpty());
  }

  @Test
  void theDiffSparesManagedMembersAndRemovesOnlyWhatTheListLeavesOut() throws IOException {
    var org = spec(SPEC).of(dev.realmctl.spec.OrganizationSpec.SECTION).get(0);
    Live live =
        matching(Set.of("carol"), Set.of("bob"))
            .part(OrganizationPlanner.LIVE)
            .byAlias()
            .get("acme");
    Diff diff = OrganizationPlanner.diff("r", org, java.util.Optional.of(live));
    assertEquals(
        List.of("- organizations/acme/members/carol"),
        diff.changes().stream().map(c -> c.action().symbol() + " " + c.id().path()).toList());
    assertEquals(3, diff.unchanged());

    Diff created = OrganizationPlanner.diff("r", org, java.util.Optional.empty());
    assertEquals(
        List.of(
            "+ organizations/acme",
            "+ organizations/acme/identityProviders/corp",
            "+ organizations/acme/members/bob"),
        created.changes().stream().map(c -> c.action().symbol() + " " + c.id().path()).toList());
  }
}
