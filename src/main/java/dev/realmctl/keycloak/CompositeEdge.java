package dev.realmctl.keycloak;

import dev.realmctl.plan.Builtins;
import dev.realmctl.plan.Change;
import dev.realmctl.plan.CompositePlanner;
import dev.realmctl.plan.CompositePlanner.Id;
import dev.realmctl.plan.Kind;
import dev.realmctl.plan.LiveRealm;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.RoleSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.RoleResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;

/**
 * The roles composite roles hold. Keycloak names a held client role by its client's internal id
 * ({@code containerId}), so reading needs the realm's client ids.
 */
final class CompositeEdge implements KindEdge {

  @Override
  public Map<Kind, ChangeWriter<?>> writers() {
    return Map.of(Kind.ROLE_COMPOSITE, new Links());
  }

  /** One request per declared composite role that exists. */
  @Override
  public LiveRealm read(RealmSpec spec, RealmResource realm, RealmIds ids, LiveRealm live) {
    Map<String, LiveRealm.RoleScope> composites = new HashMap<>();
    Map<String, String> clientIds = inverse(ids.clients);
    for (RoleSpec role : spec.roles()) {
      if (role.composites().isPresent() && live.hasRole(role.clientId(), role.name())) {
        composites.put(
            role.key(), held(resource(realm, ids, role.clientId(), role.name()), clientIds));
      }
    }
    return live.with(CompositePlanner.LIVE, composites);
  }

  /** Every composite role but the built-in clients' own, which Keycloak keeps. */
  @Override
  public LiveRealm readAll(String name, RealmResource realm, RealmIds ids, LiveRealm live) {
    for (ClientRepresentation client : realm.clients().findAll()) {
      ids.clients.put(client.getClientId(), client.getId());
    }
    Map<String, String> clientIds = inverse(ids.clients);
    Map<String, LiveRealm.RoleScope> composites = new HashMap<>();
    for (RoleRepresentation role : realm.roles().list(false)) {
      if (Boolean.TRUE.equals(role.isComposite())) {
        composites.put(role.getName(), held(realm.roles().get(role.getName()), clientIds));
      }
    }
    for (var client : ids.clients.entrySet()) {
      if (Builtins.CLIENTS.contains(client.getKey())) {
        continue;
      }
      var roles = realm.clients().get(client.getValue()).roles();
      for (RoleRepresentation role : roles.list(false)) {
        if (Boolean.TRUE.equals(role.isComposite())) {
          composites.put(
              client.getKey() + "/" + role.getName(), held(roles.get(role.getName()), clientIds));
        }
      }
    }
    return live.with(CompositePlanner.LIVE, composites);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void export(String realm, LiveRealm live, Map<String, Object> spec, List<String> notes) {
    Map<String, LiveRealm.RoleScope> composites = live.part(CompositePlanner.LIVE);
    if (composites.isEmpty()) {
      return;
    }
    Map<String, Object> roles =
        (Map<String, Object>) spec.computeIfAbsent("roles", k -> new LinkedHashMap<>());
    List<Map<String, Object>> realmRoles =
        (List<Map<String, Object>>) roles.computeIfAbsent("realm", k -> new ArrayList<>());
    Map<String, Object> clientRoles =
        (Map<String, Object>) roles.computeIfAbsent("client", k -> new TreeMap<>());
    new TreeMap<>(composites)
        .forEach(
            (key, held) -> {
              int slash = key.lastIndexOf('/');
              List<Map<String, Object>> list =
                  slash < 0
                      ? realmRoles
                      : (List<Map<String, Object>>)
                          clientRoles.computeIfAbsent(
                              key.substring(0, slash), c -> new ArrayList<>());
              String name = key.substring(slash + 1);
              Map<String, Object> entry =
                  list.stream()
                      .filter(r -> name.equals(r.get("name")))
                      .findFirst()
                      .orElseGet(
                          () -> {
                            Map<String, Object> created = new LinkedHashMap<>();
                            created.put("name", name);
                            list.add(created);
                            return created;
                          });
              Map<String, Object> out = new LinkedHashMap<>();
              out.put("realm", new ArrayList<>(new TreeSet<>(held.realmRoles())));
              Map<String, Object> byClient = new TreeMap<>();
              held.clientRoles()
                  .forEach((c, names) -> byClient.put(c, new ArrayList<>(new TreeSet<>(names))));
              if (!byClient.isEmpty()) {
                out.put("client", byClient);
              }
              entry.put("composites", out);
            });
    if (realmRoles.isEmpty()) {
      roles.remove("realm");
    }
    if (clientRoles.isEmpty()) {
      roles.remove("client");
    }
  }

  private static LiveRealm.RoleScope held(RoleResource role, Map<String, String> clientIds) {
    Set<String> realmRoles = new HashSet<>();
    Map<String, Set<String>> clientRoles = new HashMap<>();
    for (RoleRepresentation member : role.getRoleComposites()) {
      if (Boolean.TRUE.equals(member.getClientRole())) {
        String clientId = clientIds.getOrDefault(member.getContainerId(), member.getContainerId());
        clientRoles.computeIfAbsent(clientId, c -> new HashSet<>()).add(member.getName());
      } else {
        realmRoles.add(member.getName());
      }
    }
    return new LiveRealm.RoleScope(realmRoles, clientRoles);
  }

  private static RoleResource resource(
      RealmResource realm, RealmIds ids, Optional<String> clientId, String name) {
    return clientId
        .map(c -> realm.clients().get(ids.clients.get(c)).roles().get(name))
        .orElseGet(() -> realm.roles().get(name));
  }

  private static Map<String, String> inverse(Map<String, String> clientUuids) {
    Map<String, String> byUuid = new HashMap<>();
    clientUuids.forEach((clientId, uuid) -> byUuid.put(uuid, clientId));
    return byUuid;
  }

  private static final class Links implements ChangeWriter<Id> {
    @Override
    public Class<Id> idType() {
      return Id.class;
    }

    public void create(Id id, Change change, Target target) {
      role(target, id).addComposites(List.of(member(target, id)));
    }

    public void update(Id id, Change change, Target target) {
      throw new UnsupportedOperationException(
          "a composite link is added or removed, never updated");
    }

    public void delete(Id id, Change change, Target target) {
      role(target, id).deleteComposites(List.of(member(target, id)));
    }

    private static RoleResource role(Target target, Id id) {
      return id.clientId()
          .map(c -> target.client(id.realm(), c).roles())
          .orElseGet(() -> target.realm(id.realm()).roles())
          .get(id.role());
    }

    private static RoleRepresentation member(Target target, Id id) {
      return target.role(id.realm(), id.memberClientId(), id.member());
    }
  }
}
