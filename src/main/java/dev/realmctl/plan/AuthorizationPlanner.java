package dev.realmctl.plan;

import dev.realmctl.plan.AuthorizationDesired.Depths;
import dev.realmctl.spec.AuthorizationSpec;
import dev.realmctl.spec.AuthorizationSpec.Policy;
import dev.realmctl.spec.AuthorizationSpec.Resource;
import dev.realmctl.spec.AuthorizationSpec.Scope;
import dev.realmctl.spec.RealmSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A client's authorization services: its resource server's own fields, scopes, resources and
 * policies (permissions among them), all by name, as {@code exportSettings} writes them. Keycloak's
 * ids are the edge's business. Planned as the composition of pure steps: the desired entries and
 * their depths ({@link AuthorizationDesired}), the references they make ({@link
 * AuthorizationReferences}), the diff against the export ({@link AuthorizationDiff}).
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

  private static final Live NOTHING = new Live(Map.of(), Map.of(), Map.of(), Map.of());

  @Override
  public void plan(RealmSpec spec, LiveRealm live, PlanBuilder out) {
    Read read = live.part(LIVE);
    String realm = spec.realm();
    for (AuthorizationSpec authz : spec.of(AuthorizationSpec.SECTION)) {
      Live have = read.clients().getOrDefault(authz.clientId(), NOTHING);
      Depths depths = AuthorizationDesired.depths(authz);
      out.report(depths.cycles());
      out.report(AuthorizationReferences.check(spec, live, authz, have));
      boolean wasRead = read.clients().containsKey(authz.clientId());
      out.add(AuthorizationDiff.settings(realm, authz, wasRead, have));
      out.add(AuthorizationDiff.scopes(realm, authz, have));
      out.add(AuthorizationDiff.resources(realm, authz, have));
      out.add(AuthorizationDiff.policies(realm, authz, have, depths));
    }
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

    @Override
    public Optional<String> recordedName(ResourceId id) {
      if (id.kind() != kind) {
        return Optional.empty();
      }
      if (id instanceof ScopeId scope) {
        return Optional.of(AuthorizationPlanner.key(scope.clientId(), scope.name()));
      }
      if (id instanceof ResourceEntryId resource) {
        return Optional.of(AuthorizationPlanner.key(resource.clientId(), resource.name()));
      }
      return id instanceof PolicyId policy
          ? Optional.of(AuthorizationPlanner.key(policy.clientId(), policy.name()))
          : Optional.empty();
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
            default ->
                new PolicyId(
                    realm, clientId, name, AuthorizationDesired.liveDepth(authz.policies(), name));
          };
      return Optional.of(Change.delete(id, before));
    }
  }
}
