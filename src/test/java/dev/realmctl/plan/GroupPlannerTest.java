package dev.realmctl.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.realmctl.plan.GroupPlanner.Live;
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
 * GroupPlanner: groups by path (a '/' in a name written '~/'), sub-groups under their parent, each
 * group's role mappings as the exact set, and the realm's default groups checked by path.
 */
class GroupPlannerTest {
  private static final String SPEC =
      """
      realm: r
      groups:
        - name: staff
          attributes: {floor: ["2"]}
          realmRoles: [reader]
          subGroups:
            - name: ops/team
              clientRoles: {app: [deploy]}
      """;

  @TempDir Path folder;

  private RealmSpec spec(String yaml) throws IOException {
    return SpecFiles.load(folder, yaml);
  }

  /** The roles and client the spec's groups hold, and these groups. */
  private static LiveRealm realmWith(Map<String, Live> groups) {
    return LiveRealms.realm("r")
        .realmRoles("reader", "writer")
        .client("app")
        .clientRole("app", "deploy")
        .part(GroupPlanner.LIVE, groups)
        .build();
  }

  private static Map<String, Live> matching() {
    return Map.of(
        "staff",
        new Live(
            Map.of(
                "id",
                "g1",
                "name",
                "staff",
                "path",
                "/staff",
                "attributes",
                Map.of("floor", List.of("2"))),
            Set.of("reader"),
            Map.of()),
        "staff/ops~/team",
        new Live(
            Map.of("id", "g2", "name", "ops/team", "path", "/staff/ops~/team"),
            Set.of(),
            Map.of("app", Set.of("deploy"))));
  }

  @Test
  void absentGroupsAreCreatedByPathEachSubGroupUnderItsParent() throws IOException {
    PlannerRun run = PlannerRun.of(new GroupPlanner(), spec(SPEC), realmWith(Map.of()));
    assertEquals(
        List.of(
            "+ groups/staff",
            "+ groups/staff/realmRoles/reader",
            "+ groups/staff/ops~/team",
            "+ groups/staff/ops~/team/clientRoles/app/deploy"),
        run.paths());
    assertEquals(
        Map.of("name", "staff", "attributes", Map.of("floor", List.of("2"))),
        run.change("+ groups/staff").after());
    Change team = run.change("+ groups/staff/ops~/team");
    assertEquals(Map.of("name", "ops/team"), team.after());
    var id = (GroupPlanner.Id) team.id();
    assertEquals(Optional.of("staff"), id.parent());
    assertEquals(1, id.level());
    assertEquals(List.of(), run.problems());
  }

  @Test
  void aSlashInATopGroupsNameIsEscapedNotALevel() throws IOException {
    RealmSpec spec = spec("realm: r\ngroups: [{name: ops/team, subGroups: [{name: night}]}]\n");
    PlannerRun run = PlannerRun.of(new GroupPlanner(), spec, LiveRealms.realm("r").build());
    assertEquals(List.of("+ groups/ops~/team", "+ groups/ops~/team/night"), run.paths());
    var top = (GroupPlanner.Id) run.changes().get(0).id();
    var night = (GroupPlanner.Id) run.changes().get(1).id();
    assertEquals(List.of(0, Optional.empty()), List.of(top.level(), top.parent()));
    assertEquals(List.of(1, Optional.of("ops~/team")), List.of(night.level(), night.parent()));
    assertEquals(Map.of("name", "ops/team"), run.changes().get(0).after());
  }

  @Test
  void groupsAsDeclaredPlanNothing() throws IOException {
    assertEquals(
        new PlannerRun(List.of(), 4, List.of()),
        PlannerRun.of(new GroupPlanner(), spec(SPEC), realmWith(matching())));
  }

  @Test
  void aChangedAttributeIsAnUpdateAndAnUndeclaredRoleIsTakenAway() throws IOException {
    Map<String, Live> drifted = new java.util.HashMap<>(matching());
    drifted.put(
        "staff",
        new Live(
            Map.of(
                "name", "staff", "attributes", Map.of("floor", List.of("3"), "wing", List.of("b"))),
            Set.of("reader", "writer"),
            Map.of()));
    PlannerRun run = PlannerRun.of(new GroupPlanner(), spec(SPEC), realmWith(drifted));
    assertEquals(List.of("~ groups/staff", "- groups/staff/realmRoles/writer"), run.paths());
    assertEquals(
        List.of(
            new FieldChange(
                "attributes",
                Optional.of("floor"),
                Optional.of(List.of("3")),
                Optional.of(List.of("2")))),
        run.change("~ groups/staff").fields());
    assertEquals(3, run.unchanged());
  }

  @Test
  void aMissingRoleOrClientIsReportedAtTheLineNamingIt() throws IOException {
    String yaml =
        SPEC.replace("realmRoles: [reader]", "realmRoles: [reader, nope]")
            .replace("{app: [deploy]}", "{gone: [deploy]}");
    PlannerRun run = PlannerRun.of(new GroupPlanner(), spec(yaml), realmWith(Map.of()));
    assertEquals(
        List.of(
            "5:26: role 'nope' exists neither in the spec nor in realm 'r'",
            "8:23: client 'gone' exists neither in the spec nor in realm 'r'"),
        run.problems());
  }

  @Test
  void defaultGroupsNameGroupsByPathAndABareSubGroupNameIsRefusedWithAHint() throws IOException {
    String yaml =
        """
        realm: r
        groups: [{name: staff, subGroups: [{name: ops}]}]
        defaultGroups: [/staff, ops, /nowhere]
        """;
    PlannerRun run = PlannerRun.of(new GroupPlanner(), spec(yaml), LiveRealms.realm("r").build());
    assertEquals(
        List.of(
            "3:25: 'defaultGroups' names 'ops', which is no group's path:"
                + " did you mean '/staff/ops'?",
            "3:30: 'defaultGroups' names '/nowhere', which is no group's path"),
        run.problems());
    assertEquals(List.of("+ groups/staff", "+ groups/staff/ops"), run.paths());
  }

  @Test
  void prunedSubGroupsGoWithTheirTopGroup() {
    Owned groups = new GroupPlanner().owned().get(0);
    LiveRealm live =
        LiveRealms.realm("r").groups("staff", "staff/ops", "staff/ops/night", "misc").build();
    var recorded =
        Ownership.parse("{\"groups\":[\"misc\",\"staff\",\"staff/ops\",\"staff/ops/night\"]}");
    var pruning = new Owned.Pruning(recorded, Ownership.parse("{\"groups\":[\"misc\"]}"));
    assertEquals(
        Optional.of(Change.delete(new GroupPlanner.Id("r", "staff"), Map.of())),
        groups.delete("r", "staff", live, pruning));
    assertEquals(Optional.empty(), groups.delete("r", "staff/ops", live, pruning));
    assertEquals(Optional.empty(), groups.delete("r", "staff/ops/night", live, pruning));

    var onlyTheSubTree =
        new Owned.Pruning(recorded, Ownership.parse("{\"groups\":[\"misc\",\"staff\"]}"));
    assertEquals(
        Optional.of(Change.delete(new GroupPlanner.Id("r", "staff/ops"), Map.of())),
        groups.delete("r", "staff/ops", live, onlyTheSubTree));
    assertEquals(Optional.empty(), groups.delete("r", "staff/ops/night", live, onlyTheSubTree));
  }
}
