package dev.realmctl.plan;

import dev.realmctl.spec.ClientScopeSpec;
import dev.realmctl.spec.ClientSpec;
import dev.realmctl.spec.GroupPath;
import dev.realmctl.spec.GroupSpec;
import dev.realmctl.spec.Origin;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.RoleSpec;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Checks that what a spec refers to exists in the spec or in Keycloak. These are the problems only
 * the live state reveals; they still point at the line that names the missing thing.
 */
final class References {
  private final RealmSpec spec;
  private final LiveRealm live;
  private final PlanBuilder out;

  References(RealmSpec spec, LiveRealm live, PlanBuilder out) {
    this.spec = spec;
    this.live = live;
    this.out = out;
  }

  void scopes(Collection<String> names, Origin listOrigin) {
    int index = 0;
    for (String name : names) {
      scope(name, listOrigin.child(index));
      index++;
    }
  }

  boolean scope(String name, Origin origin) {
    boolean declared =
        spec.of(ClientScopeSpec.SECTION).stream().map(ClientScopeSpec::name).anyMatch(name::equals);
    if (declared
        || live.part(ClientScopePlanner.LIVE).containsKey(name)
        || builtinOfNewRealm(out.keycloak.clientScopesOfNewRealm().contains(name))) {
      return true;
    }
    var since = out.keycloak.missingBuiltInScope(name);
    if (since.isPresent()) {
      out.problems.error(
          origin.location(), "client scope '" + name + "' " + out.keycloak.needs(since.get()));
      return false;
    }
    out.problems.error(
        origin.location(),
        "client scope '"
            + name
            + "' exists neither in the spec nor in realm '"
            + spec.realm()
            + "'");
    return false;
  }

  boolean client(String clientId, Origin origin) {
    if (clientDeclared(clientId)
        || live.part(ClientPlanner.LIVE).containsKey(clientId)
        || builtinOfNewRealm(Builtins.CLIENTS.contains(clientId))) {
      return true;
    }
    out.problems.error(
        origin.location(),
        "client '" + clientId + "' exists neither in the spec nor in realm '" + spec.realm() + "'");
    return false;
  }

  void roles(Optional<String> clientId, Collection<String> names, Origin listOrigin) {
    int index = 0;
    for (String name : names) {
      boolean declared =
          spec.of(RoleSpec.SECTION).stream()
              .anyMatch(r -> r.clientId().equals(clientId) && r.name().equals(name));
      boolean builtin =
          builtinOfNewRealm(
              clientId
                  .map(c -> Builtins.clientRole(out.keycloak, c, name))
                  .orElseGet(() -> Builtins.realmRole(spec.realm(), name)));
      // Keycloak makes it with a client's authorization services, even before they are written.
      boolean authorization =
          name.equals("uma_protection")
              && clientId
                  .flatMap(this::declaredClient)
                  .map(c -> Boolean.TRUE.equals(c.fields().get("authorizationServicesEnabled")))
                  .orElse(false);
      if (!declared && !RolePlanner.exists(live, clientId, name) && !builtin && !authorization) {
        String container =
            clientId.map(c -> "client '" + c + "'").orElse("realm '" + spec.realm() + "'");
        out.problems.error(
            listOrigin.child(index).location(),
            "role '" + name + "' exists neither in the spec nor in " + container);
      }
      index++;
    }
  }

  /** Groups by path, as an export writes them ({@code /staff/ops}) or bare at the top. */
  void groups(Collection<String> names, Origin listOrigin) {
    int index = 0;
    for (String written : names) {
      String path = GroupPlanner.Id.key(written);
      boolean declared =
          spec.of(GroupSpec.SECTION).stream().map(GroupSpec::path).anyMatch(path::equals);
      if (!declared && !live.part(GroupPlanner.LIVE).containsKey(path)) {
        out.problems.error(
            listOrigin.child(index).location(),
            "group '"
                + written
                + "' exists neither in the spec nor in realm '"
                + spec.realm()
                + "'"
                + escapedLike(path)
                    .map(p -> ": a '/' in a name is written '~/', as in '/" + p + "'")
                    .orElse(""));
      }
      index++;
    }
  }

  /** A known group whose path reads as {@code path} once its escaped slashes are left bare. */
  private Optional<String> escapedLike(String path) {
    return Stream.concat(
            spec.of(GroupSpec.SECTION).stream().map(GroupSpec::path),
            live.part(GroupPlanner.LIVE).keySet().stream())
        .filter(known -> GroupPath.unescaped(known).equals(path))
        .findFirst();
  }

  /** Built-ins count only while the realm is yet to be created; afterwards Keycloak says. */
  private boolean builtinOfNewRealm(boolean isBuiltin) {
    return isBuiltin && !out.realmExists;
  }

  Optional<ClientSpec> declaredClient(String clientId) {
    return spec.of(ClientSpec.SECTION).stream()
        .filter(c -> c.clientId().equals(clientId))
        .findFirst();
  }

  private boolean clientDeclared(String clientId) {
    return declaredClient(clientId).isPresent();
  }
}
