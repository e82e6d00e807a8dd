package dev.realmctl.plan;

import dev.realmctl.spec.Origin;
import dev.realmctl.spec.ScopeMappingSpec;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Direct role mappings of a user or group; each declared list is the exact set. */
public final class RoleMappingPlanner {

  /** What holds a role mapping. A client or client scope holds roles as its role scope. */
  public enum Holder {
    USER("users/", ""),
    GROUP("groups/", ""),
    CLIENT("clients/", "/scopeMappings"),
    CLIENT_SCOPE("clientScopes/", "/scopeMappings");

    private final String prefix;
    private final String suffix;

    Holder(String prefix, String suffix) {
      this.prefix = prefix;
      this.suffix = suffix;
    }
  }

  /** Who holds a role mapping: a user (possibly a client's service account), a group, a scope. */
  public record Subject(Holder holder, String name, Optional<String> serviceAccountOf) {
    public static Subject user(String username, Optional<String> serviceAccountOf) {
      return new Subject(Holder.USER, username, serviceAccountOf);
    }

    public static Subject group(String name) {
      return new Subject(Holder.GROUP, name, Optional.empty());
    }

    public static Subject client(String clientId) {
      return new Subject(Holder.CLIENT, clientId, Optional.empty());
    }

    public static Subject clientScope(String name) {
      return new Subject(Holder.CLIENT_SCOPE, name, Optional.empty());
    }

    /** The client or client scope whose role scope a spec's scope mapping declares. */
    public static Subject of(ScopeMappingSpec mapping) {
      return mapping
          .client()
          .map(Subject::client)
          .orElseGet(() -> clientScope(mapping.clientScope().orElseThrow()));
    }

    String path() {
      return holder.prefix + name + holder.suffix;
    }
  }

  public record Id(String realm, Subject subject, Optional<String> clientId, String role)
      implements ResourceId {
    public Kind kind() {
      return Kind.ROLE_MAPPING;
    }

    public String path() {
      return subject.path()
          + clientId.map(c -> "/clientRoles/" + c + "/").orElse("/realmRoles/")
          + role;
    }
  }

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
      var id = new Id(realm, subject, clientId, role);
      if (have.contains(role)) {
        out.unchanged++;
      } else {
        out.add(Change.create(id, Map.of("role", role)).at(origin));
      }
    }
    for (String role : have) {
      if (!want.contains(role)) {
        out.add(Change.delete(new Id(realm, subject, clientId, role), Map.of("role", role)));
      }
    }
  }

  private static Set<String> without(Set<String> roles, String role) {
    return roles.contains(role)
        ? roles.stream().filter(r -> !r.equals(role)).collect(java.util.stream.Collectors.toSet())
        : roles;
  }
}
