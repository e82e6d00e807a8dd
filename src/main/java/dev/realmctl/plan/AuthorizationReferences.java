package dev.realmctl.plan;

import dev.realmctl.plan.AuthorizationPlanner.Live;
import dev.realmctl.plan.AuthorizationPlanner.Read;
import dev.realmctl.spec.AuthorizationSpec;
import dev.realmctl.spec.AuthorizationSpec.Policy;
import dev.realmctl.spec.AuthorizationSpec.Resource;
import dev.realmctl.spec.AuthorizationSpec.Scope;
import dev.realmctl.spec.ClientSpec;
import dev.realmctl.spec.GroupSpec;
import dev.realmctl.spec.Origin;
import dev.realmctl.spec.Problem;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.RoleSpec;
import dev.realmctl.spec.UserSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a client's authorization names that must exist, pure: the scopes of its resources; the
 * policies, resources and scopes of the same client a policy names; the roles, users, groups and
 * clients of the realm. Each is looked for in the spec, the snapshot, and what the edge found.
 */
final class AuthorizationReferences {
  private AuthorizationReferences() {}

  static List<Problem> check(RealmSpec spec, LiveRealm live, AuthorizationSpec authz, Live have) {
    Read read = live.part(AuthorizationPlanner.LIVE);
    String inClient = "client '" + authz.clientId() + "'";
    String inRealm = "realm '" + spec.realm() + "'";
    Set<String> scopes = union(authz.scopes().stream().map(Scope::name), have.scopes());
    Set<String> resources = union(authz.resources().stream().map(Resource::name), have.resources());
    Set<String> policies = union(authz.policies().stream().map(Policy::name), have.policies());
    List<Problem> problems = new ArrayList<>();
    for (Resource resource : authz.resources()) {
      Origin origin = resource.origin().child("scopes");
      resource.scopes().orElse(Set.of()).stream()
          .filter(n -> !scopes.contains(n))
          .forEach(n -> problems.add(unknown(origin, "scope", n, inClient)));
    }
    for (Policy policy : authz.policies()) {
      var refs = policy.references();
      check(problems, refs.policies(), policies::contains, "policy", inClient);
      check(problems, refs.resources(), resources::contains, "resource", inClient);
      check(problems, refs.scopes(), scopes::contains, "scope", inClient);
      check(problems, refs.roles(), r -> role(spec, live, read, r), "role", inRealm);
      check(problems, refs.users(), u -> user(spec, live, read, u), "user", inRealm);
      check(problems, refs.groups(), g -> group(spec, live, read, g), "group", inRealm);
      check(problems, refs.clients(), c -> client(spec, live, read, c), "client", inRealm);
    }
    return problems;
  }

  private static Set<String> union(Stream<String> declared, Map<String, ?> existing) {
    Set<String> names = declared.collect(Collectors.toCollection(HashSet::new));
    names.addAll(existing.keySet());
    return names;
  }

  private static void check(
      List<Problem> problems,
      Map<String, Origin> names,
      Predicate<String> exists,
      String what,
      String where) {
    names.forEach(
        (name, origin) -> {
          if (!exists.test(name)) {
            problems.add(unknown(origin, what, name, where));
          }
        });
  }

  private static Problem unknown(Origin origin, String what, String name, String where) {
    return Problem.error(
        origin.location(),
        what + " '" + name + "' exists neither in the spec nor in " + where + " in Keycloak");
  }

  private static boolean role(RealmSpec spec, LiveRealm live, Read read, String role) {
    int slash = role.indexOf('/');
    Optional<String> client = slash < 0 ? Optional.empty() : Optional.of(role.substring(0, slash));
    String name = role.substring(slash + 1);
    return spec.of(RoleSpec.SECTION).stream().map(RoleSpec::key).anyMatch(role::equals)
        || RolePlanner.exists(live, client, name)
        || read.found().contains("role:" + role);
  }

  private static boolean user(RealmSpec spec, LiveRealm live, Read read, String username) {
    return spec.of(UserSpec.SECTION).stream().map(UserSpec::username).anyMatch(username::equals)
        || live.part(UserPlanner.LIVE).containsKey(username)
        || read.found().contains("user:" + username);
  }

  private static boolean group(RealmSpec spec, LiveRealm live, Read read, String path) {
    return spec.of(GroupSpec.SECTION).stream().map(GroupSpec::path).anyMatch(path::equals)
        || live.part(GroupPlanner.LIVE).containsKey(path)
        || read.found().contains("group:" + path);
  }

  private static boolean client(RealmSpec spec, LiveRealm live, Read read, String clientId) {
    return spec.of(ClientSpec.SECTION).stream().map(ClientSpec::clientId).anyMatch(clientId::equals)
        || live.part(ClientPlanner.LIVE).containsKey(clientId)
        || read.found().contains("client:" + clientId);
  }
}
