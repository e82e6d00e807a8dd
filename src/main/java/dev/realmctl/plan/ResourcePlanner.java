package dev.realmctl.plan;

import dev.realmctl.spec.RealmSpec;
import java.util.List;

/**
 * Plans one kind of resource: pure, from the spec and a snapshot, with no access to Keycloak. The
 * contract every implementation keeps: planning the spec against a realm that already matches it
 * yields no change.
 */
interface ResourcePlanner {

  void plan(RealmSpec spec, LiveRealm live, PlanBuilder out);

  /** What of this kind realmctl records as its own and may prune; nothing by default. */
  default List<Owned> owned() {
    return List.of();
  }
}
