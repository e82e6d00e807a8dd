package dev.realmctl.support;

import dev.realmctl.plan.ClientPlanner;
import dev.realmctl.plan.ClientScopePlanner;
import dev.realmctl.plan.CompositePlanner;
import dev.realmctl.plan.GroupPlanner;
import dev.realmctl.plan.LivePart;
import dev.realmctl.plan.LiveRealm;
import dev.realmctl.plan.LiveState;
import dev.realmctl.plan.Ownership;
import dev.realmctl.plan.RoleMappingPlanner.Subject;
import dev.realmctl.plan.RolePlanner;
import dev.realmctl.plan.ScopeMappingPlanner;
import dev.realmctl.plan.ScopeMappingPlanner.RoleScope;
import dev.realmctl.plan.UserPlanner;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Live realms for planner tests, built the way Terraform's tests build states ({@code
 * states.BuildState}): say what the realm has, one line each, and get the {@link LiveRealm} its
 * edges would have read. Fields are written as {@code name, value} pairs.
 */
public final class LiveRealms {
  private final Map<String, Object> settings = new LinkedHashMap<>();
  private final Map<LivePart<?>, Object> parts = new LinkedHashMap<>();
  private final Map<String, ClientPlanner.Live> clients = new HashMap<>();
  private final Map<String, ClientScopePlanner.Live> clientScopes = new HashMap<>();
  private final Map<String, Map<String, Object>> realmRoles = new HashMap<>();
  private final Map<String, Map<String, Map<String, Object>>> clientRoles = new HashMap<>();
  private final Map<String, RoleScope> composites = new HashMap<>();
  private final Map<String, GroupPlanner.Live> groups = new HashMap<>();
  private final Map<String, UserPlanner.Live> users = new HashMap<>();
  private final Map<Subject, RoleScope> scopeMappings = new HashMap<>();

  private LiveRealms() {}

  /** A realm with nothing read but its name. */
  public static LiveRealms realm(String name) {
    return new LiveRealms().setting("realm", name);
  }

  /** A realm with nothing read at all, not even its name. */
  public static LiveRealms unnamed() {
    return new LiveRealms();
  }

  /** One of the realm's own fields. */
  public LiveRealms setting(String field, Object value) {
    settings.put(field, value);
    return this;
  }

  /** realmctl's ownership record, as the realm attribute holds it (JSON). */
  public LiveRealms owning(String record) {
    return setting("attributes", Map.of(Ownership.ATTRIBUTE, record));
  }

  /** A client with the given fields (its clientId is one) and no mappers or scopes yet. */
  public LiveRealms client(String clientId, Object... fields) {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("clientId", clientId);
    all.putAll(pairs(fields));
    clients.put(clientId, new ClientPlanner.Live(all, Map.of(), Set.of(), Set.of()));
    return this;
  }

  /** The client's fields as they are, plus these: drift made by hand. */
  public LiveRealms clientChanged(String clientId, Object... fields) {
    ClientPlanner.Live client = clients.get(clientId);
    Map<String, Object> all = new LinkedHashMap<>(client.fields());
    all.putAll(pairs(fields));
    clients.put(
        clientId,
        new ClientPlanner.Live(
            all,
            client.protocolMappers(),
            client.defaultClientScopes(),
            client.optionalClientScopes()));
    return this;
  }

  /** The client's default client scopes: exactly these. */
  public LiveRealms defaultScopes(String clientId, String... scopes) {
    ClientPlanner.Live client = clients.get(clientId);
    clients.put(
        clientId,
        new ClientPlanner.Live(
            client.fields(),
            client.protocolMappers(),
            Set.of(scopes),
            client.optionalClientScopes()));
    return this;
  }

  public LiveRealms clientScope(String name) {
    clientScopes.put(name, new ClientScopePlanner.Live(Map.of("name", name), Map.of()));
    return this;
  }

  /** Realm roles with only their names. */
  public LiveRealms realmRoles(String... names) {
    for (String name : names) {
      realmRoles.put(name, Map.of("name", name));
    }
    return this;
  }

  /** A realm role with exactly these fields (none: as Keycloak's export lists the default role). */
  public LiveRealms realmRole(String name, Object... fields) {
    realmRoles.put(name, pairs(fields));
    return this;
  }

  public LiveRealms clientRole(String clientId, String name) {
    clientRoles.computeIfAbsent(clientId, c -> new HashMap<>()).put(name, Map.of("name", name));
    return this;
  }

  /** A composite role's direct composites. */
  public LiveRealms composite(String role, RoleScope holds) {
    composites.put(role, holds);
    return this;
  }

  /** Groups by path, without fields or roles. */
  public LiveRealms groups(String... paths) {
    for (String path : paths) {
      groups.put(path, new GroupPlanner.Live(Map.of(), Set.of(), Map.of()));
    }
    return this;
  }

  /** A user, shaped by {@code user}: its fields, direct realm roles, groups. */
  public LiveRealms user(String username, UnaryOperator<User> user) {
    users.put(username, user.apply(new User()).live());
    return this;
  }

  /** The roles a client or client scope may put into tokens. */
  public LiveRealms scopeMapping(Subject holder, RoleScope roles) {
    scopeMappings.put(holder, roles);
    return this;
  }

  /** Any other kind's part, as its edge would read it. */
  public <T> LiveRealms part(LivePart<T> part, T value) {
    parts.put(part, value);
    return this;
  }

  @SuppressWarnings("unchecked")
  public LiveRealm build() {
    LiveRealm live = LiveRealm.of(settings);
    live = withRead(live, ClientPlanner.LIVE, clients);
    live = withRead(live, ClientScopePlanner.LIVE, clientScopes);
    live = withRead(live, RolePlanner.REALM_ROLES, realmRoles);
    live = withRead(live, RolePlanner.CLIENT_ROLES, clientRoles);
    live = withRead(live, CompositePlanner.LIVE, composites);
    live = withRead(live, GroupPlanner.LIVE, groups);
    live = withRead(live, UserPlanner.LIVE, users);
    live = withRead(live, ScopeMappingPlanner.LIVE, scopeMappings);
    for (var part : parts.entrySet()) {
      live = live.with((LivePart<Object>) part.getKey(), part.getValue());
    }
    return live;
  }

  /** The live state of a server holding this realm only. */
  public LiveState state() {
    LiveRealm live = build();
    return new LiveState(Map.of(String.valueOf(settings.get("realm")), live));
  }

  /** A kind's part is there only when something of it was said: a part not read stays unread. */
  private static <K, V> LiveRealm withRead(
      LiveRealm live, LivePart<Map<K, V>> part, Map<K, V> read) {
    return read.isEmpty() ? live : live.with(part, new HashMap<>(read));
  }

  /** A user as its edge reads it. */
  public static final class User {
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final Set<String> realmRoles = new LinkedHashSet<>();
    private final Map<String, Set<String>> clientRoles = new HashMap<>();
    private final Set<String> groups = new LinkedHashSet<>();

    public User fields(Object... pairs) {
      fields.putAll(pairs(pairs));
      return this;
    }

    public User realmRoles(String... names) {
      realmRoles.addAll(List.of(names));
      return this;
    }

    public User clientRoles(String clientId, String... names) {
      clientRoles.put(clientId, Set.of(names));
      return this;
    }

    /** Groups by path without the leading slash. */
    public User groups(String... paths) {
      groups.addAll(List.of(paths));
      return this;
    }

    UserPlanner.Live live() {
      return new UserPlanner.Live(
          Map.copyOf(fields), Set.copyOf(realmRoles), Map.copyOf(clientRoles), Set.copyOf(groups));
    }
  }

  private static Map<String, Object> pairs(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
