package dev.realmctl.plan;

import dev.realmctl.spec.RealmSpec;
import java.util.LinkedHashMap;
import java.util.Map;

final class RealmPlanner implements ResourcePlanner {

  @Override
  public void plan(RealmSpec spec, LiveRealm live, PlanBuilder out) {
    ResourceId id = new ResourceId.Realm(spec.realm());
    if (!out.realmExists) {
      Map<String, Object> create = new LinkedHashMap<>();
      create.put("realm", spec.realm());
      create.put("enabled", true);
      create.putAll(spec.settings());
      out.add(Change.create(id, create));
      return;
    }
    out.updateOrCount(id, FieldDiff.between(spec.settings(), live.settings()));
  }
}
