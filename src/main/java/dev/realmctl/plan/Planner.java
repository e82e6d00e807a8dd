package dev.realmctl.plan;

import dev.realmctl.spec.Problem;
import dev.realmctl.spec.Problems;
import dev.realmctl.spec.RealmSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes the plan: pure, deterministic, no I/O. Problems only the live state reveals (a scope
 * that exists nowhere) fail the whole plan before anything is written; warnings ride on the plan.
 */
public final class Planner {
  private static final List<ResourcePlanner> PLANNERS =
      List.of(
          new VersionPlanner(),
          new RealmPlanner(),
          new ClientScopePlanner(),
          new ClientPlanner(),
          new RolePlanner(),
          new CompositePlanner(),
          new GroupPlanner(),
          new UserPlanner(),
          new ScopeMappingPlanner(),
          new FlowPlanner(),
          new IdentityProviderPlanner(),
          new FederatedIdentityPlanner(),
          new LocalizationPlanner(),
          new RealmDefaultScopePlanner(),
          new RequiredActionPlanner(),
          new ComponentPlanner(),
          new OrganizationPlanner(),
          new UserProfilePlanner(),
          new AuthorizationPlanner(),
          new AdminPermissionPlanner(),
          new PrunePlanner(),
          new OwnershipPlanner());

  /** What every kind records as realmctl's own, in registration order. */
  static List<Owned> owned() {
    return PLANNERS.stream().flatMap(planner -> planner.owned().stream()).toList();
  }

  public Plan plan(List<RealmSpec> specs, LiveState live) {
    return plan(specs, live, false);
  }

  /** With {@code prune}, what realmctl owns and the spec no longer declares is deleted too. */
  public Plan plan(List<RealmSpec> specs, LiveState live, boolean prune) {
    Problems problems = new Problems();
    List<Change> changes = new ArrayList<>();
    int unchanged = 0;
    for (RealmSpec spec : specs) {
      var existing = live.realm(spec.realm());
      PlanBuilder out =
          new PlanBuilder(problems, existing.isPresent(), prune, live.keycloak(), live.providers());
      LiveRealm realm = existing.orElseGet(LiveRealm::empty);
      RealmSpec kept = NotKeptFields.strip(spec, live.keycloak(), problems);
      PLANNERS.forEach(planner -> planner.plan(kept, realm, out));
      out.changes.stream().map(live.providers().secrets()::mask).forEach(changes::add);
      unchanged += out.unchanged;
    }
    problems.throwIfErrors();
    List<Problem> warnings = problems.sorted().stream().filter(p -> !p.isError()).toList();
    return new Plan(changes, unchanged, java.util.Optional.of(live.keycloak().server()), warnings);
  }
}
