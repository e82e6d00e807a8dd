package dev.realmctl.keycloak;

import dev.realmctl.plan.Builtins;
import dev.realmctl.plan.Change;
import dev.realmctl.plan.ClientPlanner;
import dev.realmctl.plan.GroupPlanner;
import dev.realmctl.plan.Kind;
import dev.realmctl.plan.LiveRealm;
import dev.realmctl.plan.Ownership;
import dev.realmctl.plan.RolePlanner;
import dev.realmctl.plan.UserPlanner;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.UserSpec;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Users with their direct role mappings and groups. Keycloak has no bulk read of either: they are
 * read per user, or per role and per group from member lists, whichever takes fewer requests.
 * Service-account users are not listed with the others; each is asked of its client.
 */
final class UserEdge implements KindEdge {

  @Override
  public Map<Kind, ChangeWriter<?>> writers() {
    return Map.of(Kind.USER, new UserWriter(), Kind.MEMBERSHIP, new MembershipWriter());
  }

  /** Beyond what users depend on: the realm roles, whose holders it reads. */
  @Override
  public Set<Kind> readsAfter() {
    Set<Kind> after = EnumSet.copyOf(KindEdge.super.readsAfter());
    after.add(Kind.ROLE);
    return after;
  }

  @Override
  public LiveRealm read(RealmSpec spec, RealmRead read, LiveRealm live) {
    boolean owned = !Ownership.recordedIn(live.settings()).of(Ownership.USERS).isEmpty();
    if (spec.of(UserSpec.SECTION).isEmpty() && !owned) {
      return live;
    }
    Map<String, Map<String, Object>> fields = list(read);
    Set<String> clientsOfUsers = new HashSet<>();
    spec.of(UserSpec.SECTION)
        .forEach(u -> u.clientRoles().ifPresent(m -> clientsOfUsers.addAll(m.keySet())));
    Map<String, String> needRoles = new HashMap<>();
    Map<String, String> needGroups = new HashMap<>();
    for (UserSpec user : spec.of(UserSpec.SECTION)) {
      Optional<String> id =
          user.serviceAccountClientId()
              .map(clientId -> serviceAccount(read, live, clientId).orElse(null))
              .or(() -> Optional.ofNullable(read.ids().users.get(user.username())));
      if (id.isEmpty()) {
        continue;
      }
      if (user.realmRoles().isPresent() || user.clientRoles().isPresent()) {
        needRoles.put(user.username(), id.get());
      }
      if (user.groups().isPresent()) {
        needGroups.put(user.username(), id.get());
      }
    }
    Memberships memberships =
        memberships(
            read,
            live,
            needRoles,
            needGroups,
            clientsOfUsers,
            live.part(RolePlanner.REALM_ROLES).keySet());
    return live.with(UserPlanner.LIVE, users(fields, needRoles.keySet(), memberships));
  }

  @Override
  public LiveRealm readAll(String name, RealmRead read, LiveRealm live) {
    Map<String, Map<String, Object>> fields = list(read);
    Map<String, String> everyone = new HashMap<>(read.ids().users);
    everyone.keySet().retainAll(fields.keySet());
    Map<String, String> serviceAccounts = new HashMap<>();
    live.part(ClientPlanner.LIVE)
        .forEach(
            (clientId, client) -> {
              if (Boolean.TRUE.equals(client.fields().get("serviceAccountsEnabled"))
                  && !Builtins.CLIENTS.contains(clientId)) {
                serviceAccount(read, live, clientId)
                    .ifPresent(id -> serviceAccounts.put(clientId, id));
              }
            });
    Map<String, String> needRoles = new HashMap<>(everyone);
    serviceAccounts.forEach((clientId, id) -> needRoles.put(serviceAccountName(clientId), id));
    Set<String> clients = new HashSet<>(live.part(ClientPlanner.LIVE).keySet());
    clients.removeAll(Builtins.CLIENTS);
    Set<String> realmRoles = new HashSet<>(live.part(RolePlanner.REALM_ROLES).keySet());
    realmRoles.remove("default-roles-" + name.toLowerCase());
    Memberships memberships = memberships(read, live, needRoles, everyone, clients, realmRoles);
    Map<String, UserPlanner.Live> users = users(fields, needRoles.keySet(), memberships);
    return live.with(UserPlanner.LIVE, users).with(SERVICE_ACCOUNTS, serviceAccounts.keySet());
  }

  /** The clients whose service-account users an export read, for {@link #export}. */
  private static final dev.realmctl.plan.LivePart<Set<String>> SERVICE_ACCOUNTS =
      new dev.realmctl.plan.LivePart<>("users/serviceAccounts", Set.of());

  private static Map<String, Map<String, Object>> list(RealmRead read) {
    Map<String, Map<String, Object>> fields = new HashMap<>();
    for (UserRepresentation user :
        RealmRead.paged((first, max) -> read.realm().users().list(first, max))) {
      read.ids().users.put(user.getUsername(), user.getId());
      fields.put(user.getUsername(), Json.toMap(user));
    }
    return fields;
  }

  private static Optional<String> serviceAccount(RealmRead read, LiveRealm live, String clientId) {
    String uuid = read.ids().clients.get(clientId);
    if (uuid == null
        || !Boolean.TRUE.equals(
            live.part(ClientPlanner.LIVE).get(clientId).fields().get("serviceAccountsEnabled"))) {
      return Optional.empty();
    }
    UserRepresentation account = read.realm().clients().get(uuid).getServiceAccountUser();
    read.ids().users.put(account.getUsername(), account.getId());
    return Optional.of(account.getId());
  }

  private static String serviceAccountName(String clientId) {
    return ("service-account-" + clientId).toLowerCase();
  }

  /**
   * Role mappings for {@code needRoles} and groups for {@code needGroups} (username to id), read
   * per user or from member lists, whichever is fewer requests.
   */
  private static Memberships memberships(
      RealmRead read,
      LiveRealm live,
      Map<String, String> needRoles,
      Map<String, String> needGroups,
      Set<String> clients,
      Set<String> realmRoles) {
    RealmResource realm = read.realm();
    Map<String, List<String>> clientRoles = new HashMap<>();
    clients.forEach(
        clientId ->
            clientRoles.put(
                clientId,
                List.copyOf(
                    live.part(RolePlanner.CLIENT_ROLES)
                        .getOrDefault(clientId, Map.of())
                        .keySet())));
    clientRoles.values().removeIf(List::isEmpty);
    int roleCount = realmRoles.size() + clientRoles.values().stream().mapToInt(List::size).sum();
    boolean rolesPerUser = needRoles.size() <= roleCount;
    boolean groupsPerUser = needGroups.size() <= live.part(GroupPlanner.LIVE).size();
    Map<String, GroupRepresentation> groups = new HashMap<>();
    if (!needGroups.isEmpty() && !groupsPerUser) {
      live.part(GroupPlanner.LIVE)
          .forEach(
              (path, group) ->
                  groups.put(
                      path, Json.toRepresentation(group.fields(), GroupRepresentation.class)));
    }
    Memberships result =
        Memberships.read(
            realm,
            needRoles.isEmpty() || rolesPerUser ? List.of() : List.copyOf(realmRoles),
            needRoles.isEmpty() || rolesPerUser ? Map.of() : clientRoles,
            read.ids().clients,
            groups);
    if (rolesPerUser) {
      needRoles.forEach(
          (username, id) -> result.add(username, realm.users().get(id).roles().getAll(), clients));
    }
    if (groupsPerUser && !needGroups.isEmpty()) {
      // By id, not by Keycloak's path: that leaves a slash in a name bare by default, so it
      // cannot tell top-level 'ops/team' from sub-group 'team' of 'ops'.
      Map<String, String> pathById = new HashMap<>();
      read.ids().groups.forEach((path, groupId) -> pathById.put(groupId, path));
      needGroups.forEach(
          (username, id) -> {
            for (GroupRepresentation group : realm.users().get(id).groups()) {
              result.addGroup(
                  username,
                  "/" + pathById.getOrDefault(group.getId(), group.getPath().substring(1)));
            }
          });
    }
    return result;
  }

  private static Map<String, UserPlanner.Live> users(
      Map<String, Map<String, Object>> fields, Set<String> withRoles, Memberships memberships) {
    Map<String, UserPlanner.Live> users = new HashMap<>();
    Set<String> usernames = new HashSet<>(fields.keySet());
    usernames.addAll(withRoles);
    for (String username : usernames) {
      Set<String> groups = new HashSet<>();
      memberships.groupsOf(username).forEach(path -> groups.add(path.substring(1)));
      Map<String, Set<String>> clientRoles = new HashMap<>();
      memberships
          .clientRoles()
          .getOrDefault(username, Map.of())
          .forEach((c, roles) -> clientRoles.put(c, new HashSet<>(roles)));
      users.put(
          username,
          new UserPlanner.Live(
              fields.getOrDefault(username, Map.of()),
              new HashSet<>(memberships.realmRoles().getOrDefault(username, Set.of())),
              clientRoles,
              groups));
    }
    return users;
  }

  @Override
  public void export(String realm, LiveRealm live, Map<String, Object> spec, List<String> notes) {
    String defaultRole = "default-roles-" + realm.toLowerCase();
    Set<String> serviceAccounts = live.part(SERVICE_ACCOUNTS);
    Set<String> accountNames = new HashSet<>();
    serviceAccounts.forEach(clientId -> accountNames.add(serviceAccountName(clientId)));
    List<Map<String, Object>> users = new ArrayList<>();
    new TreeMap<>(live.part(UserPlanner.LIVE))
        .forEach(
            (username, user) -> {
              if (accountNames.contains(username) && user.fields().isEmpty()) {
                return;
              }
              Map<String, Object> fields = user.fields();
              Map<String, Object> out = new LinkedHashMap<>();
              out.put("username", username);
              ExportFields.putIfPresent(out, "email", fields.get("email"));
              ExportFields.putIfPresent(out, "firstName", fields.get("firstName"));
              ExportFields.putIfPresent(out, "lastName", fields.get("lastName"));
              out.put("enabled", fields.get("enabled"));
              out.put("emailVerified", fields.get("emailVerified"));
              // Even empty: a realm whose required action is a default one adds it to every new
              // user.
              out.put("requiredActions", ExportFields.sorted(fields.get("requiredActions")));
              ExportFields.putIfNotEmpty(
                  out, "attributes", ExportFields.sortedMap(fields.get("attributes")));
              out.put("realmRoles", realmRoles(user, defaultRole));
              ExportFields.putIfNotEmpty(out, "clientRoles", clientRoles(user));
              out.put("groups", user.groups().stream().map(path -> "/" + path).sorted().toList());
              users.add(out);
            });
    if (!users.isEmpty()) {
      notes.add("passwords are never exported: a user's password stays as Keycloak has it");
    }
    new TreeMap<String, Boolean>(
            serviceAccounts.stream().collect(java.util.stream.Collectors.toMap(c -> c, c -> true)))
        .keySet()
        .forEach(
            clientId -> {
              UserPlanner.Live account =
                  live.part(UserPlanner.LIVE).get(serviceAccountName(clientId));
              if (account == null) {
                return;
              }
              List<String> roles = realmRoles(account, defaultRole);
              Map<String, Object> clientRoles = clientRoles(account);
              if (!roles.isEmpty() || !clientRoles.isEmpty()) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("serviceAccountClientId", clientId);
                out.put("realmRoles", roles);
                ExportFields.putIfNotEmpty(out, "clientRoles", clientRoles);
                users.add(out);
              }
            });
    ExportFields.putIfNotEmpty(spec, "users", users);
  }

  /** Direct realm roles, without the default role Keycloak gives everyone. */
  private static List<String> realmRoles(UserPlanner.Live user, String defaultRole) {
    return user.realmRoles().stream().filter(r -> !r.equals(defaultRole)).sorted().toList();
  }

  private static Map<String, Object> clientRoles(UserPlanner.Live user) {
    Map<String, Object> result = new TreeMap<>();
    user.clientRoles()
        .forEach(
            (clientId, roles) -> {
              if (!Builtins.CLIENTS.contains(clientId) && !roles.isEmpty()) {
                result.put(clientId, roles.stream().sorted().toList());
              }
            });
    return result;
  }

  private static final class UserWriter implements ChangeWriter<UserPlanner.Id> {
    @Override
    public Class<UserPlanner.Id> idType() {
      return UserPlanner.Id.class;
    }

    @Override
    public void create(UserPlanner.Id id, Change change, Target target) {
      UserRepresentation user = Json.toRepresentation(change.after(), UserRepresentation.class);
      String created = Target.createdId(target.realm(id.realm()).users().create(user));
      target.ids(id.realm()).users.put(id.username(), created);
      if (user.getRequiredActions() != null) {
        // Keycloak adds the realm's default required actions (defaultAction: true) to a new user
        // over the declared list: a declared list is the exact set, so it is written again.
        var resource = target.realm(id.realm()).users().get(created);
        UserRepresentation live = resource.toRepresentation();
        if (!new java.util.HashSet<>(live.getRequiredActions())
            .equals(new java.util.HashSet<>(user.getRequiredActions()))) {
          live.setRequiredActions(user.getRequiredActions());
          resource.update(live);
        }
      }
    }

    @Override
    public boolean exists(UserPlanner.Id id, Change change, Target target) {
      return ChangeWriter.found(
          () -> target.user(id.realm(), id.username(), id.serviceAccountOf()));
    }

    @Override
    public void update(UserPlanner.Id id, Change change, Target target) {
      var user = target.user(id.realm(), id.username(), id.serviceAccountOf());
      UserRepresentation fresh = user.toRepresentation();
      PlannedFields.check(
          change,
          Json.toMap(fresh),
          target,
          AdminEvents.Resource.at("users/" + fresh.getId(), "USER"));
      user.update(Json.overlay(fresh, change.after(), UserRepresentation.class));
    }

    @Override
    public void delete(UserPlanner.Id id, Change change, Target target) {
      target.user(id.realm(), id.username(), id.serviceAccountOf()).remove();
    }
  }

  private static final class MembershipWriter implements ChangeWriter<UserPlanner.MembershipId> {
    @Override
    public Class<UserPlanner.MembershipId> idType() {
      return UserPlanner.MembershipId.class;
    }

    @Override
    public void create(UserPlanner.MembershipId id, Change change, Target target) {
      target
          .user(id.realm(), id.username(), Optional.empty())
          .joinGroup(target.groupId(id.realm(), id.group()));
    }

    @Override
    public void update(UserPlanner.MembershipId id, Change change, Target target) {
      throw new UnsupportedOperationException("a membership is created or deleted, never updated");
    }

    @Override
    public void delete(UserPlanner.MembershipId id, Change change, Target target) {
      target
          .user(id.realm(), id.username(), Optional.empty())
          .leaveGroup(target.groupId(id.realm(), id.group()));
    }
  }
}
