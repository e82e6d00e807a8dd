package dev.realmctl.plan;

import dev.realmctl.spec.ClientScopeSpec;
import dev.realmctl.spec.ClientSpec;
import dev.realmctl.spec.GroupSpec;
import dev.realmctl.spec.Origin;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.RoleSpec;
import dev.realmctl.spec.SpecKind;
import dev.realmctl.spec.UserSpec;
import java.util.Map;

/**
 * Refuses, at its spec line, a field the server's Keycloak version lacks: that server would ignore
 * it, and every later plan would show it as a change.
 */
final class VersionPlanner implements ResourcePlanner {

  @Override
  public void plan(RealmSpec spec, LiveRealm live, PlanBuilder out) {
    check(RealmSpec.KIND, spec.settings(), spec.origin(), out);
    spec.of(ClientScopeSpec.SECTION)
        .forEach(s -> check(ClientScopeSpec.KIND, s.fields(), s.origin(), out));
    spec.of(ClientSpec.SECTION).forEach(c -> check(ClientSpec.KIND, c.fields(), c.origin(), out));
    spec.of(RoleSpec.SECTION).forEach(r -> check(RoleSpec.KIND, r.fields(), r.origin(), out));
    spec.of(GroupSpec.SECTION).forEach(g -> check(GroupSpec.KIND, g.fields(), g.origin(), out));
    spec.of(UserSpec.SECTION).forEach(u -> check(UserSpec.KIND, u.fields(), u.origin(), out));
  }

  private static void check(
      SpecKind kind, Map<String, Object> fields, Origin origin, PlanBuilder out) {
    for (String field : fields.keySet()) {
      out.keycloak
          .missingField(kind, field)
          .ifPresent(
              since ->
                  out.problems.error(
                      origin.at(field),
                      kind.label() + " field '" + field + "' " + out.keycloak.needs(since)));
    }
  }
}
