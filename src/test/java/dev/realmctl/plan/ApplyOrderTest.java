package dev.realmctl.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.realmctl.plan.RoleMappingPlanner.Subject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Make before break: what the old and the new spec both grant is never missing between writes. */
class ApplyOrderTest {
  private static final String R = "r";

  private static Change create(ResourceId id) {
    return Change.create(id, Map.of());
  }

  private static Change delete(ResourceId id) {
    return Change.delete(id, Map.of());
  }

  private static List<String> order(Change... changes) {
    return new Plan(List.of(changes), 0)
        .changes().stream().map(c -> c.action().symbol() + " " + c.id().path()).toList();
  }

  @Test
  void aClientGetsItsNewAudienceScopeBeforeLosingTheOld() {
    assertEquals(
        List.of(
            "+ clients/app/defaultClientScopes/audience-v2",
            "- clients/app/defaultClientScopes/audience-v1"),
        order(
            delete(new ClientPlanner.ScopeLinkId(R, "app", "audience-v1", true)),
            create(new ClientPlanner.ScopeLinkId(R, "app", "audience-v2", true))));
  }

  @Test
  void aUserJoinsTheNewGroupBeforeLeavingTheOld() {
    assertEquals(
        List.of("+ users/alice/groups/staff-v2", "- users/alice/groups/staff-v1"),
        order(
            delete(new UserPlanner.MembershipId(R, "alice", "staff-v1")),
            create(new UserPlanner.MembershipId(R, "alice", "staff-v2"))));
  }

  @Test
  void aRoleMovedFromUserToGroupIsGrantedToTheGroupFirst() {
    var user = Subject.user("alice", Optional.empty());
    var group = Subject.group("staff");
    assertEquals(
        List.of(
            "+ groups/staff",
            "+ groups/staff/realmRoles/editor",
            "+ users/alice/groups/staff",
            "- users/alice/realmRoles/editor"),
        order(
            delete(new RoleMappingPlanner.Id(R, user, Optional.empty(), "editor")),
            create(new UserPlanner.MembershipId(R, "alice", "staff")),
            create(new RoleMappingPlanner.Id(R, group, Optional.empty(), "editor")),
            create(new GroupPlanner.Id(R, "staff"))));
  }

  @Test
  void aScopeMovedBetweenDefaultAndOptionalLeavesItsPlaceFirst() {
    assertEquals(
        List.of(
            "- clients/app/defaultClientScopes/email",
            "+ clients/app/optionalClientScopes/email",
            "- clients/app/defaultClientScopes/phone"),
        order(
            delete(new ClientPlanner.ScopeLinkId(R, "app", "phone", true)),
            create(new ClientPlanner.ScopeLinkId(R, "app", "email", false)),
            delete(new ClientPlanner.ScopeLinkId(R, "app", "email", true))));
  }

  @Test
  void deletesRunDependentsFirstAndTheOwnershipRecordLast() {
    assertEquals(
        List.of(
            "+ clients/new",
            "- roles/client/old/admin",
            "- clients/old/defaultClientScopes/x",
            "- clients/old",
            "- clientScopes/x",
            "~ ownership"),
        order(
            Change.update(new OwnershipPlanner.Id(R), List.of()),
            delete(new ClientScopePlanner.Id(R, "x")),
            delete(new ClientPlanner.Id(R, "old")),
            delete(new RolePlanner.Id(R, Optional.of("old"), "admin")),
            create(new ClientPlanner.Id(R, "new")),
            delete(new ClientPlanner.ScopeLinkId(R, "old", "x", true))));
  }

  @Test
  void subGroupsAreCreatedUnderTheirParentAndDeletedBeforeIt() {
    assertEquals(
        List.of(
            "+ groups/staff",
            "+ groups/staff/ops",
            "+ groups/staff/ops/oncall",
            "- groups/old/a/b",
            "- groups/old/a",
            "- groups/old"),
        order(
            delete(new GroupPlanner.Id(R, "old")),
            create(new GroupPlanner.Id(R, "staff/ops/oncall")),
            delete(new GroupPlanner.Id(R, "old/a/b")),
            create(new GroupPlanner.Id(R, "staff/ops")),
            delete(new GroupPlanner.Id(R, "old/a")),
            create(new GroupPlanner.Id(R, "staff"))));
  }

  @Test
  void aGroupsLevelIsItsDepthInThePath() {
    assertEquals(0, new GroupPlanner.Id(R, "staff").level());
    assertEquals(2, new GroupPlanner.Id(R, "staff/ops/oncall").level());
    assertEquals(0, new UserPlanner.MembershipId(R, "ann", "staff/ops").level());
  }

  @Test
  void aUserMovedBetweenSubGroupsJoinsBeforeLeaving() {
    assertEquals(
        List.of(
            "+ groups/staff/dev",
            "+ users/ann/groups/staff/dev",
            "- users/ann/groups/staff/ops/oncall"),
        order(
            delete(new UserPlanner.MembershipId(R, "ann", "staff/ops/oncall")),
            create(new UserPlanner.MembershipId(R, "ann", "staff/dev")),
            create(new GroupPlanner.Id(R, "staff/dev"))));
  }

  /** An id of any kind, for what apply order reads of an id: its kind. */
  private record Any(Kind kind) implements ResourceId {
    public String realm() {
      return R;
    }

    public String path() {
      return kind.name();
    }
  }

  @Test
  void everyKindIsCreatedAfterWhatItDependsOnAndDeletedBeforeIt() {
    for (Kind kind : Kind.values()) {
      for (Kind dependency : kind.dependsOn()) {
        assertEquals(
            List.of("+ " + dependency, "+ " + kind),
            order(create(new Any(kind)), create(new Any(dependency))),
            kind + " is created after " + dependency);
        if (!kind.recordsApply()) {
          assertEquals(
              List.of("- " + kind, "- " + dependency),
              order(delete(new Any(dependency)), delete(new Any(kind))),
              kind + " is deleted before " + dependency);
        }
      }
    }
  }
}
