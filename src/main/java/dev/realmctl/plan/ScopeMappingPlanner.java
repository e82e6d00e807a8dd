package dev.realmctl.plan;

import dev.realmctl.plan.ResourceId.Subject;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.ScopeMappingSpec;
import java.util.Optional;
import java.util.Set;

/** The realm roles each named client or client scope may put into tokens: the exact set. */
final class ScopeMappingPlanner implements ResourcePlanner {

  @Override
  public void plan(RealmSpec spec, LiveRealm live, PlanBuilder out) {
    References references = new References(spec, live, out);
    for (ScopeMappingSpec mapping : spec.scopeMappings()) {
      Subject subject = subject(mapping, references);
      references.roles(Optional.empty(), mapping.roles(), mapping.origin().child("roles"));
      RoleMappingPlanner.exactSet(
          spec.realm(),
          subject,
          Optional.empty(),
          mapping.roles(),
          live.scopeMappings().getOrDefault(subject, Set.of()),
          mapping.origin(),
          out);
    }
  }

  private static Subject subject(ScopeMappingSpec mapping, References references) {
    mapping.client().ifPresent(c -> references.client(c, mapping.origin().child("client")));
    mapping
        .clientScope()
        .ifPresent(s -> references.scope(s, mapping.origin().child("clientScope")));
    return Subject.of(mapping);
  }
}
