package dev.realmctl.keycloak;

import dev.realmctl.plan.LiveRealm;
import dev.realmctl.plan.LiveState;
import dev.realmctl.plan.Ownership;
import dev.realmctl.plan.ResourceId;
import dev.realmctl.spec.GroupSpec;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.RoleSpec;
import dev.realmctl.spec.ScopeMappingSpec;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.RoleMappingResource;
import org.keycloak.admin.client.resource.RoleResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.MappingsRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Reads what the spec is about in bulk list calls: one per collection and one per role or group
 * whose members matter, never one per user or client.
 */
public final class LiveReader {
  private static final int PAGE = 1000;
  private static final int PARALLEL_REALMS = 4;
  private final Connection connection;

  public LiveReader(Connection connection) {
    this.connection = connection;
  }

  /**
   * Reads the server's version first (one request), then every realm of the specs, a few at a time:
   * a folder of hundreds of tenant realms is read in a fraction of the time, without a burst that
   * would load Keycloak like a login storm.
   */
  public Snapshot read(List<RealmSpec> specs) {
    connection.serverVersion();
    Map<String, LiveRealm> realms = new LinkedHashMap<>();
    Map<String, RealmIds> ids = new HashMap<>();
    Map<String, Future<Optional<LiveRealm>>> reads = new LinkedHashMap<>();
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.min(PARALLEL_REALMS, specs.size() + 1));
    try {
      for (RealmSpec spec : specs) {
        RealmIds realmIds = new RealmIds();
        ids.put(spec.realm(), realmIds);
        reads.put(
            spec.realm(), pool.submit(() -> connection.retry().call(() -> read(spec, realmIds))));
      }
      reads.forEach((realm, read) -> join(read).ifPresent(live -> realms.put(realm, live)));
    } finally {
      pool.shutdownNow();
    }
    return new Snapshot(new LiveState(realms, connection.behaviour(), connection.providers()), ids);
  }

  private static <T> T join(Future<T> read) {
    try {
      return read.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime
          ? runtime
          : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading Keycloak", e);
    }
  }

  private Optional<LiveRealm> read(RealmSpec spec, RealmIds ids) {
    RealmResource realm = connection.keycloak().realm(spec.realm());
    Map<String, Object> settings;
    try {
      settings = Json.toMap(realm.toRepresentation());
    } catch (NotFoundException absent) {
      return Optional.empty();
    }
    Map<String, LiveRealm.Client> clients = clients(realm, ids);
    Map<String, LiveRealm.Scope> scopes = scopes(realm, ids);
    Map<String, Map<String, Object>> realmRoles = byName(realm.roles().list(false));

    Set<String> clientsWithRoles = clientsWhoseRolesMatter(spec, settings);
    clientsWithRoles.retainAll(clients.keySet());
    Map<String, Map<String, Map<String, Object>>> clientRoles = new HashMap<>();
    for (String clientId : clientsWithRoles) {
      clientRoles.put(
          clientId, byName(realm.clients().get(ids.clients.get(clientId)).roles().list(false)));
    }

    Map<String, LiveRealm.User> users =
        users(spec, settings, realm, realmRoles.keySet(), clientRoles, ids);
    Map<String, LiveRealm.Group> groups = groups(spec, settings, realm, users, ids);
    LiveRealm live =
        new LiveRealm(
            settings,
            clients,
            scopes,
            realmRoles,
            clientRoles,
            groups,
            users,
            scopeMappings(spec, realm, ids));
    for (KindEdge edge : Edges.ALL) {
      live = edge.read(spec, realm, ids, live);
    }
    return Optional.of(live);
  }

  /** One read per client or client scope the spec's scope mappings name, if it exists. */
  private static Map<ResourceId.Subject, LiveRealm.RoleScope> scopeMappings(
      RealmSpec spec, RealmResource realm, RealmIds ids) {
    Map<ResourceId.Subject, LiveRealm.RoleScope> result = new HashMap<>();
    for (ScopeMappingSpec mapping : spec.scopeMappings()) {
      Optional<RoleMappingResource> holder =
          mapping
              .client()
              .map(ids.clients::get)
              .map(uuid -> realm.clients().get(uuid).getScopeMappings())
              .or(
                  () ->
                      mapping
                          .clientScope()
                          .map(ids.scopes::get)
                          .map(id -> realm.clientScopes().get(id).getScopeMappings()));
      ResourceId.Subject subject = ResourceId.Subject.of(mapping);
      if (holder.isPresent() && !result.containsKey(subject)) {
        result.put(subject, roleScope(holder.get().getAll()));
      }
    }
    return result;
  }

  /** The realm and client roles of a mappings answer (a group's roles, a client's role scope). */
  private static LiveRealm.RoleScope roleScope(MappingsRepresentation mappings) {
    Set<String> realmRoles = new HashSet<>();
    if (mappings.getRealmMappings() != null) {
      mappings.getRealmMappings().forEach(role -> realmRoles.add(role.getName()));
    }
    Map<String, Set<String>> clientRoles = new HashMap<>();
    if (mappings.getClientMappings() != null) {
      mappings
          .getClientMappings()
          .forEach(
              (clientId, roles) ->
                  roles
                      .getMappings()
                      .forEach(
                          role ->
                              clientRoles
                                  .computeIfAbsent(clientId, c -> new HashSet<>())
                                  .add(role.getName())));
    }
    return new LiveRealm.RoleScope(realmRoles, clientRoles);
  }

  private static Map<String, LiveRealm.Client> clients(RealmResource realm, RealmIds ids) {
    Map<String, LiveRealm.Client> clients = new HashMap<>();
    for (ClientRepresentation client : realm.clients().findAll()) {
      ids.clients.put(client.getClientId(), client.getId());
      clients.put(
          client.getClientId(),
          new LiveRealm.Client(
              Json.toMap(client),
              mappers(client.getProtocolMappers(), "clients", client.getClientId(), ids),
              set(client.getDefaultClientScopes()),
              set(client.getOptionalClientScopes())));
    }
    return clients;
  }

  private static Map<String, LiveRealm.Scope> scopes(RealmResource realm, RealmIds ids) {
    Map<String, LiveRealm.Scope> scopes = new HashMap<>();
    for (ClientScopeRepresentation scope : realm.clientScopes().findAll()) {
      ids.scopes.put(scope.getName(), scope.getId());
      scopes.put(
          scope.getName(),
          new LiveRealm.Scope(
              Json.toMap(scope),
              mappers(scope.getProtocolMappers(), "clientScopes", scope.getName(), ids)));
    }
    return scopes;
  }

  private static Map<String, Map<String, Object>> mappers(
      List<ProtocolMapperRepresentation> mappers,
      String ownerSegment,
      String ownerName,
      RealmIds ids) {
    Map<String, Map<String, Object>> result = new HashMap<>();
    for (ProtocolMapperRepresentation mapper :
        mappers == null ? List.<ProtocolMapperRepresentation>of() : mappers) {
      ids.mappers.put(
          RealmIds.mapperKey(ownerSegment, ownerName, mapper.getName()), mapper.getId());
      result.put(mapper.getName(), Json.toMap(mapper));
    }
    return result;
  }

  private static Set<String> clientsWhoseRolesMatter(RealmSpec spec, Map<String, Object> settings) {
    Set<String> clientIds = new HashSet<>(Ownership.recordedIn(settings).clientsWithRoles());
    spec.roles().stream().map(RoleSpec::clientId).flatMap(Optional::stream).forEach(clientIds::add);
    spec.users().forEach(u -> u.clientRoles().ifPresent(m -> clientIds.addAll(m.keySet())));
    spec.groups().forEach(g -> g.clientRoles().ifPresent(m -> clientIds.addAll(m.keySet())));
    spec.roles().forEach(r -> r.composites().ifPresent(c -> clientIds.addAll(c.client().keySet())));
    return clientIds;
  }

  private Map<String, LiveRealm.User> users(
      RealmSpec spec,
      Map<String, Object> settings,
      RealmResource realm,
      Set<String> realmRoleNames,
      Map<String, Map<String, Map<String, Object>>> clientRoles,
      RealmIds ids) {
    if (spec.users().isEmpty() && !owns(settings, Ownership.USERS)) {
      return Map.of();
    }
    Map<String, Map<String, Object>> fields = new HashMap<>();
    for (UserRepresentation user : paged((first, max) -> realm.users().list(first, max))) {
      ids.users.put(user.getUsername(), user.getId());
      fields.put(user.getUsername(), Json.toMap(user));
    }
    Map<String, Set<String>> realmRolesByUser = new HashMap<>();
    if (spec.users().stream().anyMatch(u -> u.realmRoles().isPresent())) {
      for (String role : realmRoleNames) {
        for (String username : members(realm.roles().get(role), ids)) {
          realmRolesByUser.computeIfAbsent(username, u -> new HashSet<>()).add(role);
        }
      }
    }
    Map<String, Map<String, Set<String>>> clientRolesByUser = new HashMap<>();
    Set<String> clientsOfUsers = new HashSet<>();
    spec.users().forEach(u -> u.clientRoles().ifPresent(m -> clientsOfUsers.addAll(m.keySet())));
    for (String clientId : clientsOfUsers) {
      if (!clientRoles.containsKey(clientId)) {
        continue;
      }
      var roles = realm.clients().get(ids.clients.get(clientId)).roles();
      for (String role : clientRoles.get(clientId).keySet()) {
        for (String username : members(roles.get(role), ids)) {
          clientRolesByUser
              .computeIfAbsent(username, u -> new HashMap<>())
              .computeIfAbsent(clientId, c -> new HashSet<>())
              .add(role);
        }
      }
    }
    Map<String, LiveRealm.User> users = new HashMap<>();
    Set<String> usernames = new HashSet<>(fields.keySet());
    // Service-account users are not listed with the others; role membership reveals them.
    spec.users().stream()
        .filter(UserSpec::isServiceAccount)
        .map(UserSpec::username)
        .filter(u -> realmRolesByUser.containsKey(u) || clientRolesByUser.containsKey(u))
        .forEach(usernames::add);
    for (String username : usernames) {
      users.put(
          username,
          new LiveRealm.User(
              fields.getOrDefault(username, Map.of()),
              realmRolesByUser.getOrDefault(username, Set.of()),
              clientRolesByUser.getOrDefault(username, Map.of()),
              new HashSet<>()));
    }
    return users;
  }

  private static List<String> members(RoleResource role, RealmIds ids) {
    List<String> usernames = new ArrayList<>();
    for (UserRepresentation member : paged((first, max) -> role.getUserMembers(true, first, max))) {
      ids.users.putIfAbsent(member.getUsername(), member.getId());
      usernames.add(member.getUsername());
    }
    return usernames;
  }

  private Map<String, LiveRealm.Group> groups(
      RealmSpec spec,
      Map<String, Object> settings,
      RealmResource realm,
      Map<String, LiveRealm.User> users,
      RealmIds ids) {
    boolean membershipsMatter = spec.users().stream().anyMatch(u -> u.groups().isPresent());
    if (spec.groups().isEmpty() && !membershipsMatter && !owns(settings, Ownership.GROUPS)) {
      return Map.of();
    }
    Set<String> declared = new HashSet<>();
    spec.groups().stream().map(GroupSpec::path).forEach(declared::add);
    Map<String, LiveRealm.Group> groups = new HashMap<>();
    for (var entry : tree(realm).entrySet()) {
      String path = entry.getKey();
      GroupRepresentation group = entry.getValue();
      ids.groups.put(path, group.getId());
      LiveRealm.RoleScope roles =
          declared.contains(path)
              ? roleScope(realm.groups().group(group.getId()).roles().getAll())
              : LiveRealm.RoleScope.NONE;
      if (membershipsMatter) {
        for (UserRepresentation member :
            paged((first, max) -> realm.groups().group(group.getId()).members(first, max, true))) {
          LiveRealm.User user = users.get(member.getUsername());
          if (user != null) {
            user.groups().add(path);
          }
        }
      }
      groups.put(
          path, new LiveRealm.Group(Json.toMap(group), roles.realmRoles(), roles.clientRoles()));
    }
    return groups;
  }

  /**
   * Every group of the realm by path without the leading slash, parents first. Keycloak lists the
   * top level without sub-groups, saying only how many each has (24 and 26 alike); the children of
   * the groups that have some are read page by page, one level at a time.
   */
  static Map<String, GroupRepresentation> tree(RealmResource realm) {
    Map<String, GroupRepresentation> tree = new LinkedHashMap<>();
    List<Map.Entry<String, GroupRepresentation>> level = new ArrayList<>();
    for (GroupRepresentation group :
        paged((first, max) -> realm.groups().groups(null, first, max, false))) {
      level.add(Map.entry(group.getName(), group));
    }
    while (!level.isEmpty()) {
      List<Map.Entry<String, GroupRepresentation>> next = new ArrayList<>();
      for (var entry : level) {
        GroupRepresentation group = entry.getValue();
        tree.put(entry.getKey(), group);
        // No count means a server that does not say: its children are asked for all the same.
        if (group.getSubGroupCount() == null || group.getSubGroupCount() > 0) {
          var resource = realm.groups().group(group.getId());
          for (GroupRepresentation child :
              paged((first, max) -> resource.getSubGroups(first, max, false))) {
            next.add(Map.entry(entry.getKey() + "/" + child.getName(), child));
          }
        }
        // What the server nests is read again above; kept, it would show as a field of the group.
        group.setSubGroups(null);
      }
      level = next;
    }
    return tree;
  }

  /** Whether realmctl's ownership record lists any of a kind, which a prune must then see. */
  private static boolean owns(Map<String, Object> settings, String kind) {
    return !Ownership.recordedIn(settings).of(kind).isEmpty();
  }

  static <T> List<T> paged(BiFunction<Integer, Integer, List<T>> page) {
    List<T> all = new ArrayList<>();
    for (int first = 0; ; first += PAGE) {
      List<T> items = page.apply(first, PAGE);
      all.addAll(items);
      if (items.size() < PAGE) {
        return all;
      }
    }
  }

  private static Map<String, Map<String, Object>> byName(List<RoleRepresentation> roles) {
    Map<String, Map<String, Object>> result = new HashMap<>();
    roles.forEach(role -> result.put(role.getName(), Json.toMap(role)));
    return result;
  }

  private static Set<String> set(List<String> values) {
    return values == null ? Set.of() : Set.copyOf(values);
  }
}
