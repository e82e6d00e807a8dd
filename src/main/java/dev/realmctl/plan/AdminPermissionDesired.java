package dev.realmctl.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.realmctl.plan.AdminPermissionPlanner.Live;
import dev.realmctl.spec.AuthorizationSpec.Policy;
import dev.realmctl.spec.ClientSpec;
import dev.realmctl.spec.GroupSpec;
import dev.realmctl.spec.Origin;
import dev.realmctl.spec.Problem;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.RoleSpec;
import dev.realmctl.spec.UserSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The admin permissions as the plan compares them, pure: a permission's {@code resources} by
 * natural name whatever the spec wrote (Keycloak's export writes ids), and what each policy names
 * that must exist: applied policies, the resource type's scopes, the users, clients, groups and
 * roles of the realm.
 */
final class AdminPermissionDesired {
  private AdminPermissionDesired() {}

  /** A policy's declared fields; a permission's config with its resources by natural name. */
  static Map<String, Object> fields(Policy policy, Live have) {
    Map<String, Object> fields = AuthorizationDesired.policy(policy);
    String type = policy.config().get("defaultResourceType");
    if (!"scope".equals(policy.type()) || type == null) {
      return fields;
    }
    Map<String, Object> config = new TreeMap<>(policy.config());
    List<String> resources = new ArrayList<>();
    policy.references().resources().keySet().forEach(r -> resources.add(natural(type, r, have)));
    // A permission naming no resource is on the whole type: Keycloak stores the type's own.
    config.put("resources", json(resources.isEmpty() ? List.of(type) : resources));
    fields.put("config", AuthorizationDesired.canonical(config));
    return fields;
  }

  /** The name the plan compares: an id of this realm as its natural name, a group as its path. */
  static String natural(String type, String name, Live have) {
    if (name.equals(type)) {
      return name;
    }
    String known = have.names().get(name);
    if (known != null) {
      return known;
    }
    return "Groups".equals(type) && !name.startsWith("/") ? "/" + name : name;
  }

  private static String json(List<String> names) {
    try {
      return AuthorizationDesired.JSON.writeValueAsString(names);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  static List<Problem> check(RealmSpec spec, LiveRealm live, List<Policy> policies, Live have) {
    List<Problem> problems = new ArrayList<>();
    Set<String> names = new java.util.HashSet<>(have.policies().keySet());
    policies.forEach(p -> names.add(p.name()));
    for (Policy policy : policies) {
      var refs = policy.references();
      refs.policies()
          .forEach(
              (name, at) -> {
                if (!names.contains(name)) {
                  problems.add(
                      unknown(at, "policy '" + name + "'", "client 'admin-permissions'").plain());
                }
              });
      String type = policy.config().get("defaultResourceType");
      if ("scope".equals(policy.type()) && type != null) {
        Set<String> scopes = have.scopes().get(type);
        refs.scopes()
            .forEach(
                (scope, at) -> {
                  if (scopes != null && !scopes.contains(scope)) {
                    problems.add(
                        Problem.error(
                            at.location(),
                            "resource type '"
                                + type
                                + "' has no scope '"
                                + scope
                                + "'; Keycloak's are "
                                + new java.util.TreeSet<>(scopes)));
                  }
                });
        refs.resources()
            .forEach(
                (name, at) -> {
                  String natural = natural(type, name, have);
                  if (!natural.equals(type) && !exists(spec, live, have, type, natural)) {
                    problems.add(
                        unknown(
                                at,
                                singular(type) + " '" + name + "'",
                                "realm '" + spec.realm() + "'")
                            .withHint(
                                " (Keycloak's export names them by id, which only this realm"
                                    + " knows: write the "
                                    + naturalName(type)
                                    + ")"));
                  }
                });
      }
      check(problems, refs.users(), u -> exists(spec, live, have, "Users", u), "user", spec);
      check(problems, refs.groups(), g -> exists(spec, live, have, "Groups", g), "group", spec);
      check(problems, refs.roles(), r -> exists(spec, live, have, "Roles", r), "role", spec);
      check(problems, refs.clients(), c -> exists(spec, live, have, "Clients", c), "client", spec);
    }
    return problems;
  }

  private static void check(
      List<Problem> problems,
      Map<String, Origin> names,
      java.util.function.Predicate<String> exists,
      String what,
      RealmSpec spec) {
    names.forEach(
        (name, at) -> {
          if (!exists.test(name)) {
            problems.add(
                unknown(at, what + " '" + name + "'", "realm '" + spec.realm() + "'").plain());
          }
        });
  }

  /** Whether the realm has it, or will: declared, read, or found by the edge. */
  static boolean exists(RealmSpec spec, LiveRealm live, Live have, String type, String name) {
    return switch (type) {
      case "Users" ->
          spec.of(UserSpec.SECTION).stream().anyMatch(u -> u.username().equals(name))
              || live.part(UserPlanner.LIVE).containsKey(name)
              || have.found().contains("user:" + name);
      case "Clients" ->
          spec.of(ClientSpec.SECTION).stream().anyMatch(c -> c.clientId().equals(name))
              || live.part(ClientPlanner.LIVE).containsKey(name)
              || have.found().contains("client:" + name);
      case "Groups" -> {
        String path = name.startsWith("/") ? name.substring(1) : name;
        yield spec.of(GroupSpec.SECTION).stream().anyMatch(g -> g.path().equals(path))
            || live.part(GroupPlanner.LIVE).containsKey(path)
            || have.found().contains("group:" + path);
      }
      case "Roles" -> {
        int slash = name.indexOf('/');
        Optional<String> client =
            slash < 0 ? Optional.empty() : Optional.of(name.substring(0, slash));
        yield spec.of(RoleSpec.SECTION).stream().anyMatch(r -> r.key().equals(name))
            || RolePlanner.exists(live, client, name.substring(slash + 1))
            || have.found().contains("role:" + name);
      }
      // Organizations are named as Keycloak names them; its write says if one is missing.
      default -> true;
    };
  }

  private static String singular(String type) {
    return type.substring(0, type.length() - 1).toLowerCase();
  }

  private static String naturalName(String type) {
    return switch (type) {
      case "Users" -> "username";
      case "Clients" -> "clientId";
      case "Groups" -> "group's path";
      default -> "role's name, or clientId/name for a client role";
    };
  }

  private static Unknown unknown(Origin at, String what, String where) {
    return new Unknown(at, what + " exists neither in the spec nor in " + where + " in Keycloak");
  }

  /** An unknown name's problem, with a hint where one helps. */
  private record Unknown(Origin at, String message) {
    Problem withHint(String hint) {
      return Problem.error(at.location(), message + hint);
    }

    Problem plain() {
      return Problem.error(at.location(), message);
    }
  }
}
