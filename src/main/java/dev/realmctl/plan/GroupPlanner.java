package dev.realmctl.plan;

import dev.realmctl.plan.ResourceId.Subject;
import dev.realmctl.spec.GroupSpec;
import dev.realmctl.spec.RealmSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

final class GroupPlanner implements ResourcePlanner {

  @Override
  public void plan(RealmSpec spec, LiveRealm live, PlanBuilder out) {
    References references = new References(spec, live, out);
    for (GroupSpec group : spec.groups()) {
      var id = new ResourceId.Group(spec.realm(), group.name());
      LiveRealm.Group existing = live.groups().get(group.name());
      if (existing == null) {
        Map<String, Object> create = new LinkedHashMap<>();
        create.put("name", group.name());
        create.putAll(group.fields());
        out.add(Change.create(id, create).at(group.origin()));
      } else {
        out.updateOrCount(id, FieldDiff.between(group.fields(), existing.fields()), group.origin());
      }
      RoleMappingPlanner.plan(
          spec.realm(),
          Subject.group(group.name()),
          group.realmRoles(),
          group.clientRoles(),
          existing == null ? Set.of() : existing.realmRoles(),
          existing == null ? Map.of() : existing.clientRoles(),
          group.origin(),
          references,
          out);
    }
  }
}
