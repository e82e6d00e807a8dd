package dev.realmctl.keycloak;

import dev.realmctl.plan.AuthorizationPlanner;
import dev.realmctl.plan.AuthorizationPlanner.Live;
import dev.realmctl.plan.AuthorizationPlanner.Read;
import dev.realmctl.plan.Builtins;
import dev.realmctl.plan.ClientPlanner;
import dev.realmctl.plan.GroupPlanner;
import dev.realmctl.plan.Kind;
import dev.realmctl.plan.LiveRealm;
import dev.realmctl.plan.Ownership;
import dev.realmctl.plan.RolePlanner;
import dev.realmctl.plan.UserPlanner;
import dev.realmctl.spec.AuthorizationSpec;
import dev.realmctl.spec.GroupSpec;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.RoleSpec;
import dev.realmctl.spec.UserSpec;
import jakarta.ws.rs.NotFoundException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.keycloak.admin.client.resource.AuthorizationResource;
import org.keycloak.admin.client.resource.RealmResource;

/**
 * Clients' authorization services. Reading is one {@code exportSettings} per client, which names
 * everything as exports do; writes send names too (Keycloak's import resolves them), and look ids
 * up by name only for the updates and deletes that need them ({@link AuthorizationWriters}).
 */
final class AuthorizationEdge implements KindEdge {
  private static final List<String> OWNED_KEYS =
      List.of("authorizationScopes", "authorizationResources", "authorizationPolicies");

  /** Keycloak's own: the resource server is its client, ids are its business. */
  private static final Set<String> NOT_EXPORTED =
      Set.of("id", "_id", "clientId", "name", "authorizationSchema", "resources", "scopes");

  @Override
  public Map<Kind, ChangeWriter<?>> writers() {
    return Map.of(
        Kind.AUTHZ_SETTINGS, new AuthorizationWriters.Settings(),
        Kind.AUTHZ_SCOPE, new AuthorizationWriters.Scopes(),
        Kind.AUTHZ_RESOURCE, new AuthorizationWriters.Resources(),
        Kind.AUTHZ_POLICY, new AuthorizationWriters.Policies());
  }

  /** One request per client whose authorization matters; none when none does. */
  @Override
  public LiveRealm read(RealmSpec spec, RealmRead read, LiveRealm live) {
    RealmResource realm = read.realm();
    RealmIds ids = read.ids();
    Set<String> clientIds = new HashSet<>();
    spec.of(AuthorizationSpec.SECTION).forEach(a -> clientIds.add(a.clientId()));
    Ownership recorded = Ownership.recordedIn(live.settings());
    for (String key : OWNED_KEYS) {
      recorded.of(key).forEach(owned -> clientIds.add(owned.substring(0, owned.indexOf('#'))));
    }
    if (clientIds.isEmpty()) {
      return live;
    }
    Map<String, Live> clients = new HashMap<>();
    for (String clientId : clientIds) {
      ClientPlanner.Live client = live.part(ClientPlanner.LIVE).get(clientId);
      if (client != null
          && !clientId.equals(AuthorizationSpec.ADMIN_PERMISSIONS_CLIENT)
          && Boolean.TRUE.equals(client.fields().get("authorizationServicesEnabled"))) {
        clients.put(clientId, read(realm.clients().get(ids.clients.get(clientId)).authorization()));
      }
    }
    return live.with(AuthorizationPlanner.LIVE, new Read(clients, found(spec, realm, live)));
  }

  @Override
  public LiveRealm readAll(String name, RealmRead read, LiveRealm live) {
    RealmResource realm = read.realm();
    RealmIds ids = read.ids();
    Map<String, Live> clients = new HashMap<>();
    for (var client : live.part(ClientPlanner.LIVE).entrySet()) {
      if (Boolean.TRUE.equals(client.getValue().fields().get("authorizationServicesEnabled"))
          && !Builtins.CLIENTS.contains(client.getKey())
          && !client.getKey().equals(AuthorizationSpec.ADMIN_PERMISSIONS_CLIENT)) {
        clients.put(
            client.getKey(),
            read(realm.clients().get(ids.clients.get(client.getKey())).authorization()));
      }
    }
    return live.with(AuthorizationPlanner.LIVE, new Read(clients, Set.of()));
  }

  private static Live read(AuthorizationResource authorization) {
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
  private static Set<String> found(RealmSpec spec, RealmResource realm, LiveRealm live) {
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
              && !realm.users().searchByUsername(user, true).isEmpty()) {
            found.add("user:" + user);
          }
        }
        for (String group : refs.groups().keySet()) {
          if (!declaredGroups.contains(group)
              && !live.part(GroupPlanner.LIVE).containsKey(group)
              && exists(() -> realm.getGroupByPath("/" + group))) {
            found.add("group:" + group);
          }
        }
        for (String role : refs.roles().keySet()) {
          int slash = role.indexOf('/');
          Optional<String> client =
              slash < 0 ? Optional.empty() : Optional.of(role.substring(0, slash));
          String name = role.substring(slash + 1);
          if (declaredRoles.contains(role) || RolePlanner.exists(live, client, name)) {
            continue;
          }
          boolean exists =
              client.isEmpty()
                  ? exists(() -> realm.roles().get(name).toRepresentation())
                  : realm.clients().findByClientId(client.get()).stream()
                      .anyMatch(
                          c ->
                              exists(
                                  () ->
                                      realm
                                          .clients()
                                          .get(c.getId())
                                          .roles()
                                          .get(name)
                                          .toRepresentation()));
          if (exists) {
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

  private static boolean exists(Supplier<?> lookup) {
    try {
      return lookup.get() != null;
    } catch (NotFoundException absent) {
      return false;
    }
  }

  /** Each exported client with authorization services gets its settings, resources and policies. */
  @Override
  public List<EntryFields> exportInto(String realm, LiveRealm live) {
    Map<String, Map<String, Object>> byClient = new HashMap<>();
    live.part(AuthorizationPlanner.LIVE)
        .clients()
        .forEach(
            (clientId, authz) -> {
              Map<String, Object> out = new LinkedHashMap<>();
              new TreeMap<>(authz.settings())
                  .forEach(
                      (k, v) -> {
                        if (!NOT_EXPORTED.contains(k) && !"policies".equals(k)) {
                          out.put(k, v);
                        }
                      });
              out.put("scopes", sorted(authz.scopes()));
              out.put("resources", sorted(authz.resources()));
              // In Keycloak's own order, which has applied policies first, as an import wants them.
              List<Map<String, Object>> policies = new ArrayList<>();
              if (authz.settings().get("policies") instanceof List<?> list) {
                for (Object policy : list) {
                  if (policy instanceof Map<?, ?> map) {
                    policies.add(authz.policies().get(String.valueOf(map.get("name"))));
                  }
                }
              }
              out.put("policies", policies);
              Map<String, Object> fields = new LinkedHashMap<>();
              // The client list leaves it out; the settings need it said.
              fields.put("authorizationServicesEnabled", true);
              fields.put(AuthorizationSpec.FIELD, out);
              byClient.put(clientId, fields);
            });
    return List.of(new EntryFields("clients", "clientId", byClient));
  }

  private static List<Map<String, Object>> sorted(Map<String, Map<String, Object>> byName) {
    return new ArrayList<>(new TreeMap<>(byName).values());
  }
}
