package dev.realmctl.plan;

import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.RoleSpec;
import java.util.LinkedHashMap;
import java.util.Map;

final class RolePlanner implements ResourcePlanner {

  @Override
  public void plan(RealmSpec spec, LiveRealm live, PlanBuilder out) {
    References references = new References(spec, live, out);
    for (RoleSpec role : spec.roles()) {
      if (role.clientId().isPresent() && !references.client(role.clientId().get(), role.origin())) {
        continue;
      }
      var id = new ResourceId.Role(spec.realm(), role.clientId(), role.name());
      Map<String, Object> existing =
          role.clientId()
              .map(c -> live.clientRoles().getOrDefault(c, Map.of()).get(role.name()))
              .orElseGet(() -> live.realmRoles().get(role.name()));
      if (existing == null) {
        Map<String, Object> create = new LinkedHashMap<>();
        create.put("name", role.name());
        create.putAll(role.fields());
        out.add(Change.create(id, create).at(role.origin()));
      } else {
        out.updateOrCount(id, FieldDiff.between(role.fields(), existing), role.origin());
      }
    }
  }
}
