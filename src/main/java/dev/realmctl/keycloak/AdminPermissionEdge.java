package dev.realmctl.keycloak;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.realmctl.plan.AdminPermissionPlanner;
import dev.realmctl.plan.AdminPermissionPlanner.Id;
import dev.realmctl.plan.AdminPermissionPlanner.Live;
import dev.realmctl.plan.Change;
import dev.realmctl.plan.GroupPlanner;
import dev.realmctl.plan.Kind;
import dev.realmctl.plan.LiveRealm;
import dev.realmctl.plan.Ownership;
import dev.realmctl.plan.UserPlanner;
import dev.realmctl.spec.AdminPermissionSpec;
import dev.realmctl.spec.AuthorizationSpec;
import dev.realmctl.spec.GroupPath;
import dev.realmctl.spec.GroupSpec;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.UserSpec;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.keycloak.admin.client.resource.PoliciesResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.authorization.PolicyRepresentation;

/**
 * Fine-grained admin permissions (v2). They are read from the realm's partial export, which lists
 * the {@code admin-permissions} client's policies by name, where its settings endpoint answers HTTP
 * 400 (26.7.3): no request of its own but for the users a permission is limited to, which the
 * export names by id only. Writes are the client's policy endpoints; a permission's resources go by
 * id, since Keycloak resolves usernames and clientIds there but neither group paths nor role names.
 */
final class AdminPermissionEdge implements KindEdge {
  private static final String OWNED_KEY = "adminPermissions";

  @Override
  public Map<Kind, ChangeWriter<?>> writers() {
    return Map.of(Kind.ADMIN_PERMISSION, new Writer());
  }

  /** Nothing unless the spec declares permissions or realmctl recorded some. */
  @Override
  public LiveRealm read(RealmSpec spec, RealmRead read, LiveRealm live) {
    if (spec.of(AdminPermissionSpec.SECTION).isEmpty()
        && Ownership.recordedIn(live.settings()).of(OWNED_KEY).isEmpty()) {
      return live;
    }
    Live have = read(read, live);
    Live withFound =
        new Live(have.policies(), have.scopes(), have.names(), found(spec, read.realm(), live));
    return live.with(AdminPermissionPlanner.LIVE, withFound);
  }

  @Override
  public LiveRealm readAll(String name, RealmRead read, LiveRealm live) {
    return live.with(AdminPermissionPlanner.LIVE, read(read, live));
  }

  private static Live read(RealmRead read, LiveRealm live) {
    if (!Boolean.TRUE.equals(live.settings().get(AdminPermissionSpec.ENABLED))) {
      return AdminPermissionPlanner.LIVE.empty();
    }
    RealmRepresentation export = read.export();
    Map<String, Object> settings =
        Optional.ofNullable(export.getClients()).orElse(List.of()).stream()
            .filter(c -> AdminPermissionSpec.CLIENT.equals(c.getClientId()))
            .map(ClientRepresentation::getAuthorizationSettings)
            .filter(java.util.Objects::nonNull)
            .map(Json::toMap)
            .findFirst()
            .orElse(Map.of());
    Map<String, String> names = names(export);
    Map<String, Map<String, Object>> policies = new LinkedHashMap<>();
    if (settings.get("policies") instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> map) {
          Map<String, Object> policy = new LinkedHashMap<>();
          map.forEach((k, v) -> policy.put(String.valueOf(k), v));
          policy.remove("id");
          policies.put(String.valueOf(policy.get("name")), policy);
        }
      }
    }
    addUsers(read.realm(), policies.values(), names);
    policies.replaceAll((name, policy) -> naturalResources(policy, names));
    return new Live(policies, scopes(settings), names, Set.of());
  }

  /** Each resource type's scopes, as Keycloak's schema lists them. */
  @SuppressWarnings("unchecked")
  private static Map<String, Set<String>> scopes(Map<String, Object> settings) {
    Map<String, Set<String>> scopes = new HashMap<>();
    if (settings.get("authorizationSchema") instanceof Map<?, ?> schema
        && schema.get("resourceTypes") instanceof Map<?, ?> types) {
      types.forEach(
          (type, value) -> {
            if (value instanceof Map<?, ?> rep && rep.get("scopes") instanceof List<?> list) {
              Set<String> names = new HashSet<>();
              list.forEach(s -> names.add(String.valueOf(s)));
              scopes.put(String.valueOf(type), names);
            }
          });
    }
    return scopes;
  }

  /** The natural name of each client, group and role of the realm, by id. */
  private static Map<String, String> names(RealmRepresentation export) {
    Map<String, String> names = new HashMap<>();
    Optional.ofNullable(export.getClients())
        .orElse(List.of())
        .forEach(c -> names.put(c.getId(), c.getClientId()));
    groups(Optional.ofNullable(export.getGroups()).orElse(List.of()), Optional.empty(), names);
    if (export.getRoles() != null) {
      Optional.ofNullable(export.getRoles().getRealm())
          .orElse(List.of())
          .forEach(r -> names.put(r.getId(), r.getName()));
      Optional.ofNullable(export.getRoles().getClient())
          .orElse(Map.of())
          .forEach(
              (clientId, roles) -> {
                for (RoleRepresentation role : roles) {
                  names.put(role.getId(), clientId + "/" + role.getName());
                }
              });
    }
    return names;
  }

  private static void groups(
      List<GroupRepresentation> groups, Optional<String> parent, Map<String, String> names) {
    for (GroupRepresentation group : groups) {
      String path = GroupPath.of(parent, group.getName());
      names.put(group.getId(), "/" + path);
      groups(Optional.ofNullable(group.getSubGroups()).orElse(List.of()), Optional.of(path), names);
    }
  }

  /** The usernames of the users permissions are limited to: one request each. */
  private static void addUsers(
      RealmResource realm, Iterable<Map<String, Object>> policies, Map<String, String> names) {
    for (Map<String, Object> policy : policies) {
      if (config(policy).get("defaultResourceType") instanceof String type
          && type.equals("Users")) {
        for (String id : list(config(policy).get("resources"))) {
          if (!id.equals(type) && !names.containsKey(id)) {
            try {
              names.put(id, realm.users().get(id).toRepresentation().getUsername());
            } catch (NotFoundException gone) {
              // Keycloak removes a user's resource with the user; a stale one keeps its id.
            }
          }
        }
      }
    }
  }

  private static Map<String, Object> naturalResources(
      Map<String, Object> policy, Map<String, String> names) {
    Map<String, Object> config = config(policy);
    if (!(config.get("defaultResourceType") instanceof String)
        || !config.containsKey("resources")) {
      return policy;
    }
    List<String> natural = new ArrayList<>();
    list(config.get("resources")).forEach(r -> natural.add(names.getOrDefault(r, r)));
    Map<String, Object> copy = new LinkedHashMap<>(policy);
    Map<String, Object> newConfig = new LinkedHashMap<>(config);
    newConfig.put("resources", json(natural));
    copy.put("config", newConfig);
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> config(Map<String, Object> policy) {
    return policy.get("config") instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  private static List<String> list(Object text) {
    List<String> names = new ArrayList<>();
    if (text instanceof String json) {
      try {
        Json.MAPPER.readTree(json).forEach(n -> names.add(n.asText()));
      } catch (JsonProcessingException notAList) {
        // Keycloak wrote it: left as it is, compared as written.
      }
    }
    return names;
  }

  private static String json(List<String> names) {
    try {
      return Json.MAPPER.writeValueAsString(names);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /**
   * What the declared permissions and policies name that neither the spec declares nor the snapshot
   * holds: users and groups, looked up one by one so a permission is not refused for want of a
   * read.
   */
  private static Set<String> found(RealmSpec spec, RealmResource realm, LiveRealm live) {
    Set<String> found = new HashSet<>();
    Set<String> users = new HashSet<>();
    Set<String> groups = new HashSet<>();
    Set<String> roles = new HashSet<>();
    for (AdminPermissionSpec declared : spec.of(AdminPermissionSpec.SECTION)) {
      var policy = declared.policy();
      users.addAll(policy.references().users().keySet());
      groups.addAll(policy.references().groups().keySet());
      roles.addAll(policy.references().roles().keySet());
      String type = policy.config().get("defaultResourceType");
      for (String name : policy.references().resources().keySet()) {
        if ("Users".equals(type)) {
          users.add(name);
        } else if ("Groups".equals(type)) {
          groups.add(name.startsWith("/") ? name.substring(1) : name);
        } else if ("Roles".equals(type)) {
          roles.add(name);
        }
      }
    }
    spec.of(UserSpec.SECTION).forEach(u -> users.remove(u.username()));
    users.removeAll(live.part(UserPlanner.LIVE).keySet());
    for (String user : users) {
      if (AuthorizationRead.userExists(realm, user)) {
        found.add("user:" + user);
      }
    }
    spec.of(GroupSpec.SECTION).forEach(g -> groups.remove(g.path()));
    groups.removeAll(live.part(GroupPlanner.LIVE).keySet());
    for (String group : groups) {
      if (AuthorizationRead.groupExists(realm, group)) {
        found.add("group:" + group);
      }
    }
    for (String role : roles) {
      if (AuthorizationRead.roleOnlyInKeycloak(realm, live, role)) {
        found.add("role:" + role);
      }
    }
    return found;
  }

  /** The {@code admin-permissions} client's entry gets its policies, in Keycloak's order. */
  @Override
  public List<EntryFields> exportInto(String realm, LiveRealm live) {
    Map<String, Map<String, Object>> policies = live.part(AdminPermissionPlanner.LIVE).policies();
    if (policies.isEmpty()) {
      return List.of();
    }
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("policies", new ArrayList<>(policies.values()));
    return List.of(
        new EntryFields(
            "clients",
            "clientId",
            Map.of(AdminPermissionSpec.CLIENT, Map.of(AuthorizationSpec.FIELD, settings))));
  }

  private static final class Writer implements ChangeWriter<Id> {
    @Override
    public Class<Id> idType() {
      return Id.class;
    }

    public void create(Id id, Change change, Target target) {
      PolicyRepresentation policy =
          Json.toRepresentation(change.after(), PolicyRepresentation.class);
      byId(target, id.realm(), policy);
      try (Response response = policies(target, id.realm()).create(policy)) {
        if (response.getStatus() != 201 && response.getStatus() != 200) {
          String body = response.hasEntity() ? response.readEntity(String.class) : "";
          throw new WebApplicationException(
              ("HTTP " + response.getStatus() + " " + body).strip(), response.getStatus());
        }
      }
    }

    /**
     * The policy as it is, with the planned fields laid over it. Keycloak's read of a permission
     * leaves out its resources, scopes and applied policies, and its write takes what it is sent:
     * those are read from their own endpoints when the plan does not change them.
     */
    public void update(Id id, Change change, Target target) {
      var resource = policies(target, id.realm()).policy(policyId(target, id));
      PolicyRepresentation policy =
          Json.overlay(resource.toRepresentation(), change.after(), PolicyRepresentation.class);
      byId(target, id.realm(), policy);
      Map<String, String> config =
          new LinkedHashMap<>(Optional.ofNullable(policy.getConfig()).orElse(Map.of()));
      // What the endpoints list is by id already.
      if (!config.containsKey("applyPolicies")) {
        List<String> applied = new ArrayList<>();
        resource.associatedPolicies().forEach(p -> applied.add(p.getName()));
        config.put("applyPolicies", json(applied));
      }
      if ("scope".equals(policy.getType())) {
        if (!config.containsKey("scopes")) {
          List<String> scopes = new ArrayList<>();
          resource.scopes().forEach(s -> scopes.add(s.getName()));
          config.put("scopes", json(scopes));
        }
        if (!config.containsKey("resources")) {
          List<String> resources = new ArrayList<>();
          resource.resources().forEach(r -> resources.add(r.getName()));
          config.put("resources", json(resources));
        }
      }
      policy.setConfig(config);
      resource.update(policy);
    }

    public void delete(Id id, Change change, Target target) {
      policies(target, id.realm()).policy(policyId(target, id)).remove();
    }

    @Override
    public boolean exists(Id id, Change change, Target target) {
      return ChangeWriter.found(() -> policyId(target, id));
    }

    private static PoliciesResource policies(Target target, String realm) {
      return target.client(realm, AdminPermissionSpec.CLIENT).authorization().policies();
    }

    private static String policyId(Target target, Id id) {
      PolicyRepresentation policy;
      try {
        policy = policies(target, id.realm()).findByName(id.name());
      } catch (NotFoundException absent) {
        policy = null;
      }
      if (policy == null) {
        throw new Target.Absent("admin permission " + id.path() + " not found");
      }
      return policy.getId();
    }

    /** A permission's resources by id: the resource type's own name stays. */
    private static void byId(Target target, String realm, PolicyRepresentation policy) {
      Map<String, String> config = policy.getConfig();
      String type = config == null ? null : config.get("defaultResourceType");
      if (type == null || !config.containsKey("resources")) {
        return;
      }
      List<String> ids = new ArrayList<>();
      for (String name : list(config.get("resources"))) {
        ids.add(name.equals(type) ? name : id(target, realm, type, name));
      }
      Map<String, String> copy = new LinkedHashMap<>(config);
      copy.put("resources", json(ids));
      policy.setConfig(copy);
    }

    private static String id(Target target, String realm, String type, String name) {
      return switch (type) {
        case "Users" -> {
          if (target.ids(realm).users.containsKey(name)) {
            yield target.ids(realm).users.get(name);
          }
          target.user(realm, name, Optional.empty());
          yield target.ids(realm).users.get(name);
        }
        case "Clients" -> target.clientUuid(realm, name);
        case "Groups" -> target.groupId(realm, name.startsWith("/") ? name.substring(1) : name);
        case "Roles" -> {
          int slash = name.indexOf('/');
          RealmResource keycloak = target.realm(realm);
          yield slash < 0
              ? keycloak.roles().get(name).toRepresentation().getId()
              : target
                  .client(realm, name.substring(0, slash))
                  .roles()
                  .get(name.substring(slash + 1))
                  .toRepresentation()
                  .getId();
        }
        default -> name;
      };
    }
  }
}
