package dev.realmctl.plan;

import dev.realmctl.plan.ResourceId.Subject;
import dev.realmctl.spec.Origin;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Direct role mappings of a user or group; each declared list is the exact set. */
final class RoleMappingPlanner {
  private RoleMappingPlanner() {}

  static void plan(
      String realm,
      Subject subject,
      Optional<Set<String>> realmRoles,
      Optional<Map<String, Set<String>>> clientRoles,
      Set<String> liveRealmRoles,
      Map<String, Set<String>> liveClientRoles,
      Origin origin,
      References references,
      PlanBuilder out) {
    // Keycloak gives every user this composite role itself; it is not the spec's to remove, and an
    // export that lists it (every kc.sh export does) plans nothing for it either: compared as if
    // neither side held it, else a spec listing it was planned as a new mapping on every plan.
    String keycloakManaged = "default-roles-" + realm.toLowerCase();
    realmRoles.ifPresent(
        want -> {
          references.roles(Optional.empty(), want, origin.child("realmRoles"));
          exactSet(
              realm,
              subject,
              Optional.empty(),
              without(want, keycloakManaged),
              without(liveRealmRoles, keycloakManaged),
              origin,
              out);
        });
    clientRoles.ifPresent(
        byClient ->
            byClient.forEach(
                (clientId, want) -> {
                  Origin clientOrigin = origin.child("clientRoles").child(clientId);
                  if (references.client(clientId, clientOrigin)) {
                    references.roles(Optional.of(clientId), want, clientOrigin);
                  }
                  Set<String> have = liveClientRoles.getOrDefault(clientId, Set.of());
                  // Made only by Keycloak's import: compared as if neither side held it.
                  String importOnly = "uma_protection";
                  if (Builtins.importOnlyRole(Optional.of(clientId), importOnly)) {
                    want = without(want, importOnly);
                    have = without(have, importOnly);
                  }
                  exactSet(realm, subject, Optional.of(clientId), want, have, origin, out);
                }));
  }

  static void exactSet(
      String realm,
      Subject subject,
      Optional<String> clientId,
      Set<String> want,
      Set<String> have,
      Origin origin,
      PlanBuilder out) {
    for (String role : want) {
      var id = new ResourceId.RoleMapping(realm, subject, clientId, role);
      if (have.contains(role)) {
        out.unchanged++;
      } else {
        out.add(Change.create(id, Map.of("role", role)).at(origin));
      }
    }
    for (String role : have) {
      if (!want.contains(role)) {
        out.add(
            Change.delete(
                new ResourceId.RoleMapping(realm, subject, clientId, role), Map.of("role", role)));
      }
    }
  }

  private static Set<String> without(Set<String> roles, String role) {
    return roles.contains(role)
        ? roles.stream().filter(r -> !r.equals(role)).collect(java.util.stream.Collectors.toSet())
        : roles;
  }
}
