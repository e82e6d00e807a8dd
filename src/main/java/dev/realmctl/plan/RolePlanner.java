package dev.realmctl.plan;

import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.RoleSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

public final class RolePlanner implements ResourcePlanner {
  private static final String IMPORT_ONLY =
      "role 'uma_protection' of realm-management is made only by Keycloak's realm import (exports"
          + " of a realm with authorization services list it): never created (Keycloak refuses"
          + " writes to realm-management's roles), and who holds it is not compared";

  public record Id(String realm, Optional<String> clientId, String name) implements ResourceId {
    public Kind kind() {
      return Kind.ROLE;
    }

    public String path() {
      return clientId.map(c -> "roles/client/" + c + "/").orElse("roles/realm/") + name;
    }
  }

  public static final LivePart<Map<String, Map<String, Object>>> REALM_ROLES =
      new LivePart<>("roles/realm", Map.of());

  /** Client roles by client id, for every client. */
  public static final LivePart<Map<String, Map<String, Map<String, Object>>>> CLIENT_ROLES =
      new LivePart<>("roles/client", Map.of());

  @Override
  public void plan(RealmSpec spec, LiveRealm live, PlanBuilder out) {
    References references = new References(spec, live, out);
    for (RoleSpec role : spec.of(RoleSpec.SECTION)) {
      if (role.clientId().isPresent() && !references.client(role.clientId().get(), role.origin())) {
        continue;
      }
      var id = new Id(spec.realm(), role.clientId(), role.name());
      Map<String, Object> existing =
          role.clientId()
              .map(c -> live.part(CLIENT_ROLES).getOrDefault(c, Map.of()).get(role.name()))
              .orElseGet(() -> live.part(REALM_ROLES).get(role.name()));
      boolean builtin =
          role.clientId()
              .map(c -> Builtins.clientRole(out.keycloak, c, role.name()))
              .orElseGet(() -> Builtins.realmRole(spec.realm(), role.name()));
      if (Builtins.importOnlyRole(role.clientId(), role.name())) {
        out.problems.warning(role.origin().location(), IMPORT_ONLY);
      }
      if (existing == null && Builtins.importOnlyRole(role.clientId(), role.name())) {
        // Only Keycloak's realm import makes it (see Builtins.importOnlyRole): nothing to write.
        out.updateOrCount(id, List.of(), role.origin());
      } else if (existing == null && builtin && !out.realmExists && role.clientId().isPresent()) {
        // A built-in client's role, made by Keycloak with the realm: an export lists each with
        // the description Keycloak gave it, and Keycloak refuses any write to realm-management's
        // roles (HTTP 403). Taken as Keycloak makes it; a declared difference shows once the realm
        // exists.
        out.updateOrCount(id, List.of(), role.origin());
      } else if (existing == null && builtin && !out.realmExists) {
        // Keycloak makes it with the realm: an export declares the default role this way.
        out.updateOrCount(id, FieldDiff.between(role.fields(), Map.of()), role.origin());
      } else if (existing == null) {
        Map<String, Object> create = new LinkedHashMap<>();
        create.put("name", role.name());
        create.putAll(role.fields());
        out.add(Change.create(id, create).at(role.origin()));
      } else {
        out.updateOrCount(id, FieldDiff.between(role.fields(), existing), role.origin());
      }
    }
  }

  @Override
  public List<Owned> owned() {
    return List.of(new RealmRoles(), new ClientRoles());
  }

  private static final class RealmRoles implements Owned {
    @Override
    public Optional<String> recordedName(ResourceId id) {
      return id instanceof Id role && role.clientId().isEmpty()
          ? Optional.of(role.name())
          : Optional.empty();
    }

    public String key() {
      return Ownership.ROLES;
    }

    public Set<String> declared(RealmSpec spec) {
      return spec.of(RoleSpec.SECTION).stream()
          .filter(role -> role.clientId().isEmpty())
          .map(RoleSpec::name)
          .filter(name -> !Builtins.realmRole(spec.realm(), name))
          .collect(Collectors.toSet());
    }

    public Set<String> live(LiveRealm live) {
      return live.part(REALM_ROLES).keySet();
    }

    public Optional<Change> delete(String realm, String role, LiveRealm live, Pruning pruning) {
      if (Builtins.realmRole(realm, role)) {
        return Optional.empty();
      }
      return Optional.of(
          Change.delete(new Id(realm, Optional.empty(), role), live.part(REALM_ROLES).get(role)));
    }
  }

  /** Client roles, each recorded as {@code clientId/roleName}. */
  private static final class ClientRoles implements Owned {
    @Override
    public Optional<String> recordedName(ResourceId id) {
      return id instanceof Id role
          ? role.clientId().map(clientId -> Ownership.clientRoleKey(clientId, role.name()))
          : Optional.empty();
    }

    public String key() {
      return Ownership.CLIENT_ROLES;
    }

    public Set<String> declared(RealmSpec spec) {
      Set<String> keys = new java.util.TreeSet<>();
      spec.of(RoleSpec.SECTION)
          .forEach(
              role ->
                  role.clientId()
                      .filter(c -> !Builtins.CLIENTS.contains(c))
                      .ifPresent(c -> keys.add(Ownership.clientRoleKey(c, role.name()))));
      return keys;
    }

    public Set<String> live(LiveRealm live) {
      return clientRoleKeys(live);
    }

    public Optional<Change> delete(String realm, String key, LiveRealm live, Pruning pruning) {
      String clientId = Ownership.clientOf(key);
      String role = Ownership.roleOf(key);
      // A client on its way out takes its roles with it.
      if (Builtins.CLIENTS.contains(clientId)
          || pruning.gone(Ownership.CLIENTS).contains(clientId)) {
        return Optional.empty();
      }
      return Optional.of(
          Change.delete(
              new Id(realm, Optional.of(clientId), role),
              live.part(CLIENT_ROLES).get(clientId).get(role)));
    }
  }

  /** Whether the realm has the role, a realm role or one of the client's. */
  public static boolean exists(LiveRealm live, Optional<String> clientId, String name) {
    return clientId
        .map(c -> live.part(CLIENT_ROLES).getOrDefault(c, Map.of()).containsKey(name))
        .orElseGet(() -> live.part(REALM_ROLES).containsKey(name));
  }

  /** The client roles read, each as {@code clientId/roleName}, as ownership records them. */
  private static Set<String> clientRoleKeys(LiveRealm live) {
    Set<String> keys = new java.util.HashSet<>();
    live.part(CLIENT_ROLES)
        .forEach(
            (clientId, roles) ->
                roles.keySet().forEach(role -> keys.add(Ownership.clientRoleKey(clientId, role))));
    return keys;
  }
}
