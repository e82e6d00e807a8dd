package dev.realmctl.keycloak;

import dev.realmctl.plan.AuthorizationPlanner;
import dev.realmctl.plan.Builtins;
import dev.realmctl.plan.Change;
import dev.realmctl.plan.ClientPlanner;
import dev.realmctl.plan.Kind;
import dev.realmctl.plan.LiveRealm;
import dev.realmctl.plan.RolePlanner;
import dev.realmctl.spec.RealmSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.keycloak.admin.client.resource.RolesResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.RolesRepresentation;

/**
 * Realm and client roles, every client's, from the realm's partial export: the admin API would take
 * one request per client. Their composites are {@link CompositeEdge}'s.
 */
final class RoleEdge implements KindEdge {

  @Override
  public Map<Kind, ChangeWriter<?>> writers() {
    return Map.of(Kind.ROLE, new RoleWriter());
  }

  @Override
  public LiveRealm read(RealmSpec spec, RealmRead read, LiveRealm live) {
    RolesRepresentation roles = read.export().getRoles();
    Map<String, Map<String, Object>> realmRoles = new HashMap<>();
    Map<String, Map<String, Map<String, Object>>> clientRoles = new HashMap<>();
    if (roles != null) {
      if (roles.getRealm() != null) {
        roles.getRealm().forEach(role -> realmRoles.put(role.getName(), fields(role)));
      }
      if (roles.getClient() != null) {
        roles
            .getClient()
            .forEach(
                (clientId, list) -> {
                  Map<String, Map<String, Object>> byName = new HashMap<>();
                  list.forEach(role -> byName.put(role.getName(), fields(role)));
                  clientRoles.put(clientId, byName);
                });
      }
    }
    // A client without roles is absent from the export; what was read is that it has none.
    live.part(ClientPlanner.LIVE)
        .keySet()
        .forEach(clientId -> clientRoles.putIfAbsent(clientId, Map.of()));
    return live.with(RolePlanner.REALM_ROLES, realmRoles)
        .with(RolePlanner.CLIENT_ROLES, clientRoles);
  }

  /** A role as the roles endpoint answers it: its composites are another kind's. */
  private static Map<String, Object> fields(RoleRepresentation role) {
    Map<String, Object> fields = Json.toMap(role);
    fields.remove("composites");
    return fields;
  }

  @Override
  public void export(String realm, LiveRealm live, Map<String, Object> spec, List<String> notes) {
    String defaultRole = "default-roles-" + realm.toLowerCase();
    Map<String, Object> roles = new LinkedHashMap<>();
    List<Map<String, Object>> realmRoles = new ArrayList<>();
    new TreeMap<>(live.part(RolePlanner.REALM_ROLES))
        .forEach(
            (name, role) -> {
              if (!Builtins.REALM_ROLES.contains(name) && !name.equals(defaultRole)) {
                realmRoles.add(export(role));
              }
            });
    ExportFields.putIfNotEmpty(roles, "realm", realmRoles);
    Map<String, Object> clientRoles = new TreeMap<>();
    live.part(RolePlanner.CLIENT_ROLES)
        .forEach(
            (clientId, byName) -> {
              if (!Builtins.CLIENTS.contains(clientId) && !byName.isEmpty()) {
                clientRoles.put(
                    clientId,
                    new TreeMap<>(byName).values().stream().map(RoleEdge::export).toList());
              }
            });
    ExportFields.putIfNotEmpty(roles, "client", clientRoles);
    // Left out after the check above, as exports always have: a client whose only role it was
    // keeps an empty entry.
    live.part(AuthorizationPlanner.LIVE)
        .clients()
        .keySet()
        .forEach(clientId -> umaProtection(clientRoles, clientId));
    if (!roles.isEmpty()) {
      spec.put("roles", roles);
    }
  }

  /**
   * Keycloak makes the client role {@code uma_protection} with a client's resource server: its own,
   * so an export leaves it out as it leaves out every other built-in.
   */
  private static void umaProtection(Map<String, Object> byClient, String clientId) {
    if (byClient.get(clientId) instanceof List<?> list) {
      List<Object> kept = new ArrayList<>(list);
      kept.removeIf(r -> r instanceof Map<?, ?> role && "uma_protection".equals(role.get("name")));
      if (kept.isEmpty()) {
        byClient.remove(clientId);
      } else {
        byClient.put(clientId, kept);
      }
    }
  }

  private static Map<String, Object> export(Map<String, Object> role) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", role.get("name"));
    ExportFields.putIfPresent(out, "description", role.get("description"));
    return out;
  }

  private static final class RoleWriter implements ChangeWriter<RolePlanner.Id> {
    @Override
    public Class<RolePlanner.Id> idType() {
      return RolePlanner.Id.class;
    }

    @Override
    public void create(RolePlanner.Id id, Change change, Target target) {
      roles(id, target).create(Json.toRepresentation(change.after(), RoleRepresentation.class));
    }

    @Override
    public boolean exists(RolePlanner.Id id, Change change, Target target) {
      return ChangeWriter.found(() -> roles(id, target).get(id.name()).toRepresentation());
    }

    @Override
    public void update(RolePlanner.Id id, Change change, Target target) {
      var role = roles(id, target).get(id.name());
      role.update(Json.overlay(role.toRepresentation(), change.after(), RoleRepresentation.class));
    }

    @Override
    public void delete(RolePlanner.Id id, Change change, Target target) {
      roles(id, target).deleteRole(id.name());
    }

    private static RolesResource roles(RolePlanner.Id id, Target target) {
      return id.clientId()
          .map(clientId -> target.client(id.realm(), clientId).roles())
          .orElseGet(() -> target.realm(id.realm()).roles());
    }
  }
}
