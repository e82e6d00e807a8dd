package dev.realmctl.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.realmctl.spec.AuthorizationSpec;
import dev.realmctl.spec.AuthorizationSpec.Policy;
import dev.realmctl.spec.AuthorizationSpec.Resource;
import dev.realmctl.spec.AuthorizationSpec.Scope;
import dev.realmctl.spec.ClientSpec;
import dev.realmctl.spec.GroupSpec;
import dev.realmctl.spec.Origin;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.RoleSpec;
import dev.realmctl.spec.UserSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A client's authorization services: its resource server's own fields, scopes, resources and
 * policies (permissions among them), all by name, as {@code exportSettings} writes them. Keycloak's
 * ids are the edge's business.
 */
public final class AuthorizationPlanner implements ResourcePlanner {

  public record SettingsId(String realm, String clientId) implements ResourceId {
    public Kind kind() {
      return Kind.AUTHZ_SETTINGS;
    }

    public String path() {
      return "clients/" + clientId + "/authorizationSettings";
    }
  }

  public record ScopeId(String realm, String clientId, String name) implements ResourceId {
    public Kind kind() {
      return Kind.AUTHZ_SCOPE;
    }

    public String path() {
      return "clients/" + clientId + "/authorizationSettings/scopes/" + name;
    }
  }

  public record ResourceEntryId(String realm, String clientId, String name) implements ResourceId {
    public Kind kind() {
      return Kind.AUTHZ_RESOURCE;
    }

    public String path() {
      return "clients/" + clientId + "/authorizationSettings/resources/" + name;
    }
  }

  /**
   * A policy or permission. Its depth is how many policies stand beneath it on its longest chain of
   * {@code applyPolicies}: an aggregate or a permission is made after what it applies and removed
   * before it.
   */
  public record PolicyId(String realm, String clientId, String name, int depth)
      implements ResourceId {
    public Kind kind() {
      return Kind.AUTHZ_POLICY;
    }

    public String path() {
      return "clients/" + clientId + "/authorizationSettings/policies/" + name;
    }

    @Override
    public int level() {
      return depth;
    }

    /** Equal across depths: the same policy at another place in the graph is still one policy. */
    @Override
    public Object place() {
      return new PolicyId(realm, clientId, name, 0);
    }
  }

  /** One client's authorization as {@code exportSettings} writes it, each part by name. */
  public record Live(
      Map<String, Object> settings,
      Map<String, Map<String, Object>> scopes,
      Map<String, Map<String, Object>> resources,
      Map<String, Map<String, Object>> policies) {}

  /**
   * The clients' authorization by client id, and the users, groups, roles and clients that policies
   * name, the spec does not declare and the snapshot did not hold, found by the edge: {@code
   * user:alice}, {@code group:staff/ops}, {@code role:shop/admin}, {@code client:cli}.
   */
  public record Read(Map<String, Live> clients, Set<String> found) {}

  public static final LivePart<Read> LIVE =
      new LivePart<>("authorization", new Read(Map.of(), Set.of()));

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  @Override
  public void plan(RealmSpec spec, LiveRealm live, PlanBuilder out) {
    Read read = live.part(LIVE);
    for (AuthorizationSpec authz : spec.of(AuthorizationSpec.SECTION)) {
      Live have =
          read.clients()
              .getOrDefault(authz.clientId(), new Live(Map.of(), Map.of(), Map.of(), Map.of()));
      String realm = spec.realm();
      String client = authz.clientId();
      if (!authz.fields().isEmpty()) {
        var id = new SettingsId(realm, client);
        if (read.clients().containsKey(client)) {
          out.updateOrCount(id, FieldDiff.between(authz.fields(), have.settings()), authz.origin());
        } else {
          // Enabling authorization makes the resource server: these are laid over its defaults.
          out.add(Change.create(id, authz.fields()).at(authz.origin()));
        }
      }
      for (Scope scope : authz.scopes()) {
        var id = new ScopeId(realm, client, scope.name());
        Map<String, Object> existing = have.scopes().get(scope.name());
        if (existing == null) {
          out.add(Change.create(id, named(scope.name(), scope.fields())).at(scope.origin()));
        } else {
          out.updateOrCount(id, FieldDiff.between(scope.fields(), existing), scope.origin());
        }
      }
      Set<String> scopes = union(authz.scopes().stream().map(Scope::name), have.scopes());
      for (Resource resource : authz.resources()) {
        resource
            .scopes()
            .ifPresent(
                names ->
                    names.stream()
                        .filter(n -> !scopes.contains(n))
                        .forEach(
                            n ->
                                unknown(
                                    out,
                                    resource.origin().child("scopes"),
                                    "scope",
                                    n,
                                    "client '" + client + "'")));
        var id = new ResourceEntryId(realm, client, resource.name());
        Map<String, Object> want = resourceFields(resource);
        Map<String, Object> existing = have.resources().get(resource.name());
        if (existing == null) {
          out.add(Change.create(id, named(resource.name(), want)).at(resource.origin()));
        } else {
          out.updateOrCount(id, FieldDiff.between(want, comparable(existing)), resource.origin());
        }
      }
      Set<String> resources =
          union(authz.resources().stream().map(Resource::name), have.resources());
      Set<String> policies = union(authz.policies().stream().map(Policy::name), have.policies());
      Map<String, Integer> depths = depths(authz, out);
      for (Policy policy : authz.policies()) {
        var refs = policy.references();
        check(out, refs.policies(), policies::contains, "policy", "client '" + client + "'");
        check(out, refs.resources(), resources::contains, "resource", "client '" + client + "'");
        check(out, refs.scopes(), scopes::contains, "scope", "client '" + client + "'");
        check(out, refs.roles(), r -> role(spec, live, read, r), "role", "realm '" + realm + "'");
        check(out, refs.users(), u -> user(spec, live, read, u), "user", "realm '" + realm + "'");
        check(
            out, refs.groups(), g -> group(spec, live, read, g), "group", "realm '" + realm + "'");
        check(
            out,
            refs.clients(),
            c -> clientExists(spec, live, read, c),
            "client",
            "realm '" + realm + "'");
        var id = new PolicyId(realm, client, policy.name(), depths.getOrDefault(policy.name(), 0));
        Map<String, Object> want = policyFields(policy);
        Map<String, Object> existing = have.policies().get(policy.name());
        if (existing == null) {
          out.add(Change.create(id, named(policy.name(), want)).at(policy.origin()));
        } else {
          out.updateOrCount(id, FieldDiff.between(want, comparable(existing)), policy.origin());
        }
      }
    }
  }

  /**
   * How deep each declared policy stands on its chain of applied policies. One that already exists
   * and is not declared stands at depth 0: it is there before the plan begins.
   */
  private static Map<String, Integer> depths(AuthorizationSpec authz, PlanBuilder out) {
    Map<String, Policy> byName = new HashMap<>();
    authz.policies().forEach(p -> byName.putIfAbsent(p.name(), p));
    Map<String, Integer> depths = new HashMap<>();
    for (Policy policy : authz.policies()) {
      depth(policy.name(), byName, depths, new HashSet<>(), out);
    }
    return depths;
  }

  private static int depth(
      String name,
      Map<String, Policy> byName,
      Map<String, Integer> depths,
      Set<String> path,
      PlanBuilder out) {
    Integer known = depths.get(name);
    if (known != null) {
      return known;
    }
    Policy policy = byName.get(name);
    if (policy == null) {
      return -1;
    }
    if (!path.add(name)) {
      out.problems.error(
          policy.origin().at("config"),
          "policy '" + name + "' applies itself through " + String.join(" -> ", path));
      depths.put(name, 0);
      return 0;
    }
    int depth = 0;
    for (String applied : policy.references().policies().keySet()) {
      depth = Math.max(depth, depth(applied, byName, depths, path, out) + 1);
    }
    path.remove(name);
    depths.put(name, depth);
    return depth;
  }

  private static Set<String> union(
      java.util.stream.Stream<String> declared, Map<String, ?> existing) {
    Set<String> names = declared.collect(Collectors.toCollection(HashSet::new));
    names.addAll(existing.keySet());
    return names;
  }

  private static void check(
      PlanBuilder out,
      Map<String, Origin> names,
      java.util.function.Predicate<String> exists,
      String what,
      String where) {
    names.forEach(
        (name, origin) -> {
          if (!exists.test(name)) {
            unknown(out, origin, what, name, where);
          }
        });
  }

  private static void unknown(
      PlanBuilder out, Origin origin, String what, String name, String where) {
    out.problems.error(
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

  private static boolean clientExists(RealmSpec spec, LiveRealm live, Read read, String clientId) {
    return spec.of(ClientSpec.SECTION).stream().map(ClientSpec::clientId).anyMatch(clientId::equals)
        || live.part(ClientPlanner.LIVE).containsKey(clientId)
        || read.found().contains("client:" + clientId);
  }

  private static Map<String, Object> named(String name, Map<String, Object> fields) {
    Map<String, Object> rep = new LinkedHashMap<>();
    rep.put("name", name);
    rep.putAll(fields);
    return rep;
  }

  /** A resource's declared fields, its scopes as the list of their names. */
  private static Map<String, Object> resourceFields(Resource resource) {
    Map<String, Object> fields = new LinkedHashMap<>(resource.fields());
    resource.scopes().ifPresent(s -> fields.put("scopes", List.copyOf(s)));
    return fields;
  }

  private static Map<String, Object> policyFields(Policy policy) {
    Map<String, Object> fields = new LinkedHashMap<>(policy.fields());
    if (!policy.config().isEmpty()) {
      fields.put("config", canonical(policy.config()));
    }
    return fields;
  }

  /**
   * An exported resource or policy in the form the spec compares: scopes by name, config lists in
   * one canonical text.
   */
  static Map<String, Object> comparable(Map<String, Object> exported) {
    Map<String, Object> fields = new LinkedHashMap<>(exported);
    if (fields.get("scopes") instanceof List<?> scopes) {
      fields.put("scopes", scopeNames(scopes));
    }
    if (fields.get("config") instanceof Map<?, ?> config) {
      Map<String, Object> strings = new LinkedHashMap<>();
      config.forEach((k, v) -> strings.put(String.valueOf(k), v));
      fields.put("config", canonical(strings));
    }
    return fields;
  }

  static List<String> scopeNames(List<?> scopes) {
    List<String> names = new ArrayList<>();
    for (Object scope : scopes) {
      names.add(
          scope instanceof Map<?, ?> map ? String.valueOf(map.get("name")) : String.valueOf(scope));
    }
    return names;
  }

  /**
   * Keycloak writes config lists as JSON text in its own order and spacing: lists are compared as
   * sets, whatever order and spacing the spec wrote.
   */
  static Map<String, Object> canonical(Map<String, ?> config) {
    Map<String, Object> result = new TreeMap<>();
    config.forEach(
        (key, value) -> {
          String text = String.valueOf(value);
          try {
            if (text.startsWith("[") && JSON.readTree(text).isArray()) {
              List<String> elements = new ArrayList<>();
              for (var element : JSON.readTree(text)) {
                elements.add(JSON.writeValueAsString(JSON.treeToValue(element, Object.class)));
              }
              elements.sort(null);
              text = "[" + String.join(",", elements) + "]";
            }
          } catch (JsonProcessingException notJson) {
            // Not a list: compared as written.
          }
          result.put(key, text);
        });
    return result;
  }

  @Override
  public List<Owned> owned() {
    return List.of(
        new Part("authorizationScopes", Kind.AUTHZ_SCOPE),
        new Part("authorizationResources", Kind.AUTHZ_RESOURCE),
        new Part("authorizationPolicies", Kind.AUTHZ_POLICY));
  }

  /** An owned name: {@code clientId#name}, split at the first {@code #}. */
  static String key(String clientId, String name) {
    return clientId + "#" + name;
  }

  /**
   * Scopes, resources or policies, each recorded as {@code clientId#name}. A client on its way out
   * takes its authorization along; what Keycloak made on enabling authorization is never pruned.
   */
  private static final class Part implements Owned {
    private final String key;
    private final Kind kind;

    Part(String key, Kind kind) {
      this.key = key;
      this.kind = kind;
    }

    public String key() {
      return key;
    }

    public Set<String> declared(RealmSpec spec) {
      Set<String> keys = new HashSet<>();
      for (AuthorizationSpec authz : spec.of(AuthorizationSpec.SECTION)) {
        // What Keycloak made on enabling authorization (24 does, 26.7 does not) is never recorded.
        names(authz).stream()
            .filter(n -> !AuthorizationSpec.DEFAULTS.contains(n))
            .forEach(n -> keys.add(AuthorizationPlanner.key(authz.clientId(), n)));
      }
      return keys;
    }

    private List<String> names(AuthorizationSpec authz) {
      return switch (kind) {
        case AUTHZ_SCOPE -> authz.scopes().stream().map(Scope::name).toList();
        case AUTHZ_RESOURCE -> authz.resources().stream().map(Resource::name).toList();
        default -> authz.policies().stream().map(Policy::name).toList();
      };
    }

    private Map<String, Map<String, Object>> of(Live live) {
      return switch (kind) {
        case AUTHZ_SCOPE -> live.scopes();
        case AUTHZ_RESOURCE -> live.resources();
        default -> live.policies();
      };
    }

    public Set<String> live(LiveRealm live) {
      Set<String> keys = new HashSet<>();
      live.part(LIVE)
          .clients()
          .forEach(
              (clientId, authz) ->
                  of(authz).keySet().forEach(n -> keys.add(AuthorizationPlanner.key(clientId, n))));
      return keys;
    }

    public Optional<Change> delete(String realm, String owned, LiveRealm live, Pruning pruning) {
      int hash = owned.indexOf('#');
      String clientId = owned.substring(0, hash);
      String name = owned.substring(hash + 1);
      Live authz = live.part(LIVE).clients().get(clientId);
      if (AuthorizationSpec.DEFAULTS.contains(name)
          || pruning.gone(Ownership.CLIENTS).contains(clientId)
          || authz == null
          || !of(authz).containsKey(name)) {
        return Optional.empty();
      }
      Map<String, Object> before = of(authz).get(name);
      ResourceId id =
          switch (kind) {
            case AUTHZ_SCOPE -> new ScopeId(realm, clientId, name);
            case AUTHZ_RESOURCE -> new ResourceEntryId(realm, clientId, name);
            default -> new PolicyId(realm, clientId, name, liveDepth(authz, name, 0));
          };
      return Optional.of(Change.delete(id, before));
    }

    /** A policy's depth among what exists, so it goes before the policies it applies. */
    private static int liveDepth(Live authz, String name, int guard) {
      Map<String, Object> policy = authz.policies().get(name);
      if (policy == null || guard > authz.policies().size()) {
        return 0;
      }
      Object applied =
          policy.get("config") instanceof Map<?, ?> config ? config.get("applyPolicies") : null;
      int depth = 0;
      if (applied instanceof String text) {
        try {
          for (var element : JSON.readTree(text)) {
            depth = Math.max(depth, liveDepth(authz, element.asText(), guard + 1) + 1);
          }
        } catch (JsonProcessingException ignored) {
          // Keycloak wrote it; an unreadable list stands at depth 0.
        }
      }
      return depth;
    }
  }
}
