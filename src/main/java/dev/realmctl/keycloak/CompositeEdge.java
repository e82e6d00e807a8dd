package dev.realmctl.keycloak;

import dev.realmctl.plan.Builtins;
import dev.realmctl.plan.Change;
import dev.realmctl.plan.CompositePlanner;
import dev.realmctl.plan.CompositePlanner.Id;
import dev.realmctl.plan.Kind;
import dev.realmctl.plan.LiveRealm;
import dev.realmctl.plan.ScopeMappingPlanner;
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
import org.keycloak.admin.client.resource.RoleResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.RolesRepresentation;

/**
 * The roles composite roles hold. Keycloak names a held client role by its client's internal id
 * ({@code containerId}), so reading needs the realm's client ids.
 */
final class CompositeEdge implements KindEdge {

  @Override
  public Map<Kind, ChangeWriter<?>> writers() {
    return Map.of(Kind.ROLE_COMPOSITE, new Links());
  }

  /** No request of its own: the composites come with the roles in the realm's partial export. */
  @Override
  public LiveRealm read(RealmSpec spec, RealmRead read, LiveRealm live) {
    Map<String, ScopeMappingPlanner.RoleScope> all = all(read);
    Map<String, ScopeMappingPlanner.RoleScope> composites = new HashMap<>();
    for (RoleSpec role : spec.of(RoleSpec.SECTION)) {
      if (role.composites().isPresent() && all.containsKey(role.key())) {
        composites.put(role.key(), all.get(role.key()));
      }
    }
    return live.with(CompositePlanner.LIVE, composites);
  }

  @Override
  public LiveRealm readAll(String name, RealmRead read, LiveRealm live) {
    Map<String, ScopeMappingPlanner.RoleScope> composites = new HashMap<>(all(read));
    composites.keySet().removeIf(key -> Builtins.CLIENTS.contains(clientOf(key)));
    return live.with(CompositePlanner.LIVE, composites);
  }

  /** Every composite role's direct composites, keyed as {@link RoleSpec#key()} keys roles. */
  private static Map<String, ScopeMappingPlanner.RoleScope> all(RealmRead read) {
    Map<String, ScopeMappingPlanner.RoleScope> composites = new HashMap<>();
    RolesRepresentation roles = read.export().getRoles();
    if (roles == null) {
      return composites;
    }
    if (roles.getRealm() != null) {
      roles
          .getRealm()
          .forEach(role -> held(role).ifPresent(h -> composites.put(role.getName(), h)));
    }
    if (roles.getClient() != null) {
      roles
          .getClient()
          .forEach(
              (clientId, list) ->
                  list.forEach(
                      role ->
                          held(role)
                              .ifPresent(h -> composites.put(clientId + "/" + role.getName(), h))));
    }
    return composites;
  }

  private static String clientOf(String key) {
    int slash = key.indexOf('/');
    return slash < 0 ? "" : key.substring(0, slash);
  }

  private static Optional<ScopeMappingPlanner.RoleScope> held(RoleRepresentation role) {
    if (!Boolean.TRUE.equals(role.isComposite()) || role.getComposites() == null) {
      return Optional.empty();
    }
    var composites = role.getComposites();
    Map<String, Set<String>> clientRoles = new HashMap<>();
    if (composites.getClient() != null) {
      composites.getClient().forEach((c, names) -> clientRoles.put(c, new HashSet<>(names)));
    }
    return Optional.of(
        new ScopeMappingPlanner.RoleScope(
            composites.getRealm() == null ? Set.of() : Set.copyOf(composites.getRealm()),
            clientRoles));
  }

  /**
   * Each composite's held roles go into its entry among the exported roles, which are {@link
   * RoleEdge}'s; a built-in role (the realm's default role) gets an entry of its own.
   */
  @Override
  public List<EntryFields> exportInto(String realm, LiveRealm live) {
    Map<String, Map<String, Object>> realmRoles = new TreeMap<>();
    Map<String, Map<String, Map<String, Object>>> clientRoles = new TreeMap<>();
    live.part(CompositePlanner.LIVE)
        .forEach(
            (key, held) -> {
              int slash = key.lastIndexOf('/');
              Map<String, Map<String, Object>> byName =
                  slash < 0
                      ? realmRoles
                      : clientRoles.computeIfAbsent(key.substring(0, slash), c -> new TreeMap<>());
              byName.put(key.substring(slash + 1), Map.of("composites", composites(held)));
            });
    List<EntryFields> fields = new ArrayList<>();
    fields.add(new EntryFields(List.of("roles", "realm"), "name", realmRoles, true));
    clientRoles.forEach(
        (clientId, byName) ->
            fields.add(
                new EntryFields(List.of("roles", "client", clientId), "name", byName, true)));
    return fields;
  }

  private static Map<String, Object> composites(ScopeMappingPlanner.RoleScope held) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("realm", new ArrayList<>(new TreeSet<>(held.realmRoles())));
    Map<String, Object> byClient = new TreeMap<>();
    held.clientRoles()
        .forEach((c, names) -> byClient.put(c, new ArrayList<>(new TreeSet<>(names))));
    if (!byClient.isEmpty()) {
      out.put("client", byClient);
    }
    return out;
  }

  /**
   * Composite links of one realm are written one at a time. Keycloak 26.7 answered two links added
   * side by side with HTTP 500 (a NullPointerException in its role cache, while checking the
   * admin's own composite roles during the write, on the corpus' identity realm); one after the
   * other, the same links went through.
   */
  private static final class Links implements ChangeWriter<Id> {
    private static final Map<String, Object> REALM_LOCKS =
        new java.util.concurrent.ConcurrentHashMap<>();

    private static Object lock(Id id) {
      return REALM_LOCKS.computeIfAbsent(id.realm(), realm -> new Object());
    }

    @Override
    public Class<Id> idType() {
      return Id.class;
    }

    public void create(Id id, Change change, Target target) {
      RoleRepresentation member = member(target, id);
      synchronized (lock(id)) {
        role(target, id).addComposites(List.of(member));
      }
    }

    public void update(Id id, Change change, Target target) {
      throw new UnsupportedOperationException(
          "a composite link is added or removed, never updated");
    }

    public void delete(Id id, Change change, Target target) {
      RoleRepresentation member = member(target, id);
      synchronized (lock(id)) {
        role(target, id).deleteComposites(List.of(member));
      }
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
