package dev.realmctl.plan;

import dev.realmctl.plan.RoleMappingPlanner.Subject;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.ScopeMappingSpec;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The roles each named client or client scope may put into tokens: each list the exact set. */
public final class ScopeMappingPlanner implements ResourcePlanner {

  /**
   * The roles a client or client scope may put into tokens: realm roles, client roles by client.
   */
  public record RoleScope(Set<String> realmRoles, Map<String, Set<String>> clientRoles) {
    public static final RoleScope NONE = new RoleScope(Set.of(), Map.of());
  }

  public static final LivePart<Map<RoleMappingPlanner.Subject, RoleScope>> LIVE =
      new LivePart<>("scopeMappings", Map.of());

  @Override
  public void plan(RealmSpec spec, LiveRealm live, PlanBuilder out) {
    References references = new References(spec, live, out);
    for (ScopeMappingSpec mapping : spec.of(ScopeMappingSpec.SECTION)) {
      Subject subject = subject(mapping, references);
      Optional<String> roleClient = mapping.roleClient();
      if (roleClient.isPresent() && !references.client(roleClient.get(), mapping.origin())) {
        continue;
      }
      references.roles(roleClient, mapping.roles(), mapping.origin().child("roles"));
      RoleScope scope = live.part(LIVE).getOrDefault(subject, RoleScope.NONE);
      RoleMappingPlanner.exactSet(
          spec.realm(),
          subject,
          roleClient,
          mapping.roles(),
          roleClient
              .map(c -> scope.clientRoles().getOrDefault(c, Set.of()))
              .orElse(scope.realmRoles()),
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
