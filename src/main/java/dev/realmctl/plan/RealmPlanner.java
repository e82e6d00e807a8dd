package dev.realmctl.plan;

import dev.realmctl.spec.RealmSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The realm's own settings, and the record of what realmctl owns in it: what the spec declares,
 * plus (until pruned) what it declared before and still exists.
 */
final class RealmPlanner implements ResourcePlanner {

  @Override
  public void plan(RealmSpec spec, LiveRealm live, PlanBuilder out) {
    ResourceId id = new ResourceId.Realm(spec.realm());
    Map<String, Object> desired = new LinkedHashMap<>(spec.settings());
    Map<String, Object> attributes = new LinkedHashMap<>();
    if (desired.get("attributes") instanceof Map<?, ?> declared) {
      declared.forEach((k, v) -> attributes.put(String.valueOf(k), v));
      if (declared.containsKey(Ownership.ATTRIBUTE)) {
        out.problems.error(
            spec.origin().at("attributes"),
            "attribute '" + Ownership.ATTRIBUTE + "' is realmctl's own record");
      }
    }
    attributes.put(Ownership.ATTRIBUTE, owned(spec, live, out).serialize());
    desired.put("attributes", attributes);
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

  private static Ownership owned(RealmSpec spec, LiveRealm live, PlanBuilder out) {
    Ownership declared = Ownership.declaredBy(spec);
    if (out.prune) {
      return declared;
    }
    Ownership recorded = Ownership.recordedIn(live);
    Ownership stillThere =
        new Ownership(
            Map.of(
                Ownership.CLIENTS,
                    existing(recorded.of(Ownership.CLIENTS), live.clients().keySet()),
                Ownership.CLIENT_SCOPES,
                    existing(recorded.of(Ownership.CLIENT_SCOPES), live.clientScopes().keySet()),
                Ownership.ROLES, existing(recorded.of(Ownership.ROLES), live.realmRoles().keySet()),
                Ownership.CLIENT_ROLES,
                    existing(recorded.of(Ownership.CLIENT_ROLES), live.clientRoleKeys()),
                Ownership.GROUPS, existing(recorded.of(Ownership.GROUPS), live.groups().keySet()),
                Ownership.USERS, recorded.of(Ownership.USERS)));
    return declared.plus(stillThere);
  }

  private static Set<String> existing(Set<String> names, Set<String> live) {
    return names.stream().filter(live::contains).collect(java.util.stream.Collectors.toSet());
  }
}
