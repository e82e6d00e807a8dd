package dev.realmctl.plan;

import dev.realmctl.spec.RealmSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/** The realm's own settings. */
final class RealmPlanner implements ResourcePlanner {

  @Override
  public void plan(RealmSpec spec, LiveRealm live, PlanBuilder out) {
    ResourceId id = new ResourceId.Realm(spec.realm());
    Map<String, Object> desired = spec.settings();
    if (desired.get("attributes") instanceof Map<?, ?> declared
        && declared.containsKey(Ownership.ATTRIBUTE)) {
      out.problems.error(
          spec.origin().at("attributes"),
          "attribute '" + Ownership.ATTRIBUTE + "' is realmctl's own record");
    }
    if (!out.realmExists) {
      Map<String, Object> create = new LinkedHashMap<>();
      create.put("realm", spec.realm());
      create.put("enabled", true);
      create.putAll(desired);
      out.add(Change.create(id, create).at(spec.origin()));
      return;
    }
    out.updateOrCount(id, FieldDiff.between(desired, live.settings()), spec.origin());
  }
}
