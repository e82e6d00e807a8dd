package dev.realmctl.plan;

import dev.realmctl.spec.RealmSpec;
import java.util.Set;
import java.util.TreeSet;

/**
 * With {@code --prune} only: deletes what realmctl owns in the realm and the spec no longer
 * declares, kind by kind, each kind deciding through its {@link Owned}.
 */
final class PrunePlanner implements ResourcePlanner {

  @Override
  public void plan(RealmSpec spec, LiveRealm live, PlanBuilder out) {
    if (!out.prune || !out.realmExists) {
      return;
    }
    Ownership recorded = Ownership.recordedIn(live);
    Ownership declared = Ownership.declaredBy(spec);
    Owned.Pruning pruning = new Owned.Pruning(recorded, declared);
    for (Owned owned : Planner.owned()) {
      Set<String> gone = new TreeSet<>(pruning.gone(owned.key()));
      gone.retainAll(owned.live(live));
      for (String name : gone) {
        owned.delete(spec.realm(), name, live, pruning).ifPresent(out::add);
      }
    }
  }
}
