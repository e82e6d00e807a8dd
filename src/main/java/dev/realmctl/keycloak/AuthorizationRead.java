package dev.realmctl.keycloak;

import dev.realmctl.plan.AuthorizationPlanner.Live;
import dev.realmctl.plan.ClientPlanner;
import dev.realmctl.plan.GroupPlanner;
import dev.realmctl.plan.LiveRealm;
import dev.realmctl.plan.RolePlanner;
import dev.realmctl.plan.UserPlanner;
import dev.realmctl.spec.AuthorizationSpec;
import dev.realmctl.spec.GroupSpec;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.RoleSpec;
import dev.realmctl.spec.UserSpec;
import jakarta.ws.rs.NotFoundException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.keycloak.admin.client.resource.AuthorizationResource;
import org.keycloak.admin.client.resource.RealmResource;

/**
 * What {@link AuthorizationEdge} reads: one client's authorization as {@code exportSettings} names
 * it, and the users, groups, roles and clients policies name that no other read holds.
 */
final class AuthorizationRead {
  private AuthorizationRead() {}

  static Live read(AuthorizationResource authorization) {
    Map<String, Object> settings = Json.toMap(authorization.exportSettings());
    return new Live(
        settings,
        byName(settings.get("scopes")),
        byName(settings.get("resources")),
        byName(settings.get("policies")));
  }

  private static Map<String, Map<String, Object>> byName(Object list) {
    Map<String, Map<String, Object>> result = new HashMap<>();
    if (list instanceof List<?> items) {
      for (Object item : items) {
        if (item instanceof Map<?, ?> map) {
          Map<String, Object> fields = new LinkedHashMap<>();
          map.forEach((k, v) -> fields.put(String.valueOf(k), v));
          fields.remove("id");
          fields.remove("_id");
          result.put(String.valueOf(fields.get("name")), fields);
        }
      }
    }
    return result;
  }

  /**
   * What policies name that neither the spec declares nor the snapshot holds (users and groups are
   * read only when the spec declares some; client roles only for some clients): looked up one by
   * one, so a policy naming them is not refused for want of a read.
   */
  static Set<String> found(RealmSpec spec, RealmResource realm, LiveRealm live) {
    Set<String> found = new HashSet<>();
    Set<String> declaredUsers = new HashSet<>();
    spec.of(UserSpec.SECTION).forEach(u -> declaredUsers.add(u.username()));
    Set<String> declaredGroups = new HashSet<>();
    spec.of(GroupSpec.SECTION).forEach(g -> declaredGroups.add(g.path()));
    Set<String> declaredRoles = new HashSet<>();
    spec.of(RoleSpec.SECTION).forEach(r -> declaredRoles.add(r.key()));
    for (AuthorizationSpec authz : spec.of(AuthorizationSpec.SECTION)) {
      for (AuthorizationSpec.Policy policy : authz.policies()) {
        var refs = policy.references();
        for (String user : refs.users().keySet()) {
          if (!declaredUsers.contains(user)
              && !live.part(UserPlanner.LIVE).containsKey(user)
              && userExists(realm, user)) {
            found.add("user:" + user);
          }
        }
        for (String group : refs.groups().keySet()) {
          if (!declaredGroups.contains(group)
              && !live.part(GroupPlanner.LIVE).containsKey(group)
              && groupExists(realm, group)) {
            found.add("group:" + group);
          }
        }
        for (String role : refs.roles().keySet()) {
          if (!declaredRoles.contains(role) && roleOnlyInKeycloak(realm, live, role)) {
            found.add("role:" + role);
          }
        }
        for (String clientId : refs.clients().keySet()) {
          if (!live.part(ClientPlanner.LIVE).containsKey(clientId)
              && !realm.clients().findByClientId(clientId).isEmpty()) {
            found.add("client:" + clientId);
          }
        }
      }
    }
    return found;
  }

  static boolean userExists(RealmResource realm, String username) {
    return !realm.users().searchByUsername(username, true).isEmpty();
  }

  static boolean groupExists(RealmResource realm, String path) {
    return exists(() -> realm.getGroupByPath("/" + path));
  }

  /**
   * Whether a role, written {@code name} or {@code clientId/name}, is in Keycloak though the live
   * read left it out.
   */
  static boolean roleOnlyInKeycloak(RealmResource realm, LiveRealm live, String role) {
    int slash = role.indexOf('/');
    Optional<String> client = slash < 0 ? Optional.empty() : Optional.of(role.substring(0, slash));
    String name = role.substring(slash + 1);
    if (RolePlanner.exists(live, client, name)) {
      return false;
    }
    return client.isEmpty()
        ? exists(() -> realm.roles().get(name).toRepresentation())
        : realm.clients().findByClientId(client.get()).stream()
            .anyMatch(
                c ->
                    exists(
                        () -> realm.clients().get(c.getId()).roles().get(name).toRepresentation()));
  }

  private static boolean exists(Supplier<?> lookup) {
    try {
      return lookup.get() != null;
    } catch (NotFoundException absent) {
      return false;
    }
  }
}
