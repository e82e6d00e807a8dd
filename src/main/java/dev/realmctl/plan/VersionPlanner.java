package dev.realmctl.plan;

import dev.realmctl.spec.Origin;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.SpecKind;
import java.util.Map;

/**
 * Refuses, at its spec line, a field the server's Keycloak version lacks: that server would ignore
 * it, and every later plan would show it as a change.
 */
final class VersionPlanner implements ResourcePlanner {

  @Override
  public void plan(RealmSpec spec, LiveRealm live, PlanBuilder out) {
    check(SpecKind.REALM, spec.settings(), spec.origin(), out);
    spec.clientScopes().forEach(s -> check(SpecKind.CLIENT_SCOPE, s.fields(), s.origin(), out));
    spec.clients().forEach(c -> check(SpecKind.CLIENT, c.fields(), c.origin(), out));
    spec.roles().forEach(r -> check(SpecKind.ROLE, r.fields(), r.origin(), out));
    spec.groups().forEach(g -> check(SpecKind.GROUP, g.fields(), g.origin(), out));
    spec.users().forEach(u -> check(SpecKind.USER, u.fields(), u.origin(), out));
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
