package dev.realmctl.plan;

import dev.realmctl.plan.AuthorizationDesired.Depths;
import dev.realmctl.spec.AdminPermissionSpec;
import dev.realmctl.spec.AuthorizationSpec.Policy;
import dev.realmctl.spec.Problem;
import dev.realmctl.spec.RealmSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fine-grained admin permissions (v2): the policies of the realm's {@code admin-permissions}
 * client, by name, as exports write them. The client, its resource types and scopes are Keycloak's:
 * only the policies are planned, and only the ones realmctl declared are ever pruned. The pure
 * steps are {@link AdminPermissionDesired}: names the way the plan compares them, and what they
 * must find.
 */
public final class AdminPermissionPlanner implements ResourcePlanner {

  /** Where exports write them, so a plan's address reads as the file does. */
  static final String PATH =
      "clients/" + AdminPermissionSpec.CLIENT + "/authorizationSettings/policies/";

  /**
   * A permission or policy. Its depth is how many policies stand beneath it on its longest chain of
   * {@code applyPolicies}: a permission is made after the policies it applies, removed before them.
   */
  public record Id(String realm, String name, int depth) implements ResourceId {
    public Kind kind() {
      return Kind.ADMIN_PERMISSION;
    }

    public String path() {
      return PATH + name;
    }

    @Override
    public int level() {
      return depth;
    }

    @Override
    public Object place() {
      return new Id(realm, name, 0);
    }
  }

  /**
   * What the edge read of the {@code admin-permissions} client.
   *
   * @param policies each policy as the export writes it, a permission's {@code resources} by
   *     natural name (username, clientId, group path, role or {@code clientId/role})
   * @param scopes each resource type's scopes, from Keycloak's {@code authorizationSchema}
   * @param names the natural name of each id of this realm a permission may be limited to, so that
   *     Keycloak's export, which names them by id, reads the same
   * @param found what the spec names that neither it nor the snapshot holds and Keycloak has:
   *     {@code user:alice}, {@code group:staff/ops}, {@code role:shop/admin}
   */
  public record Live(
      Map<String, Map<String, Object>> policies,
      Map<String, Set<String>> scopes,
      Map<String, String> names,
      Set<String> found) {}

  public static final LivePart<Live> LIVE =
      new LivePart<>("adminPermissions", new Live(Map.of(), Map.of(), Map.of(), Set.of()));

  static final String OWNED_KEY = "adminPermissions";

  @Override
  public void plan(RealmSpec spec, LiveRealm live, PlanBuilder out) {
    List<AdminPermissionSpec> declared = spec.of(AdminPermissionSpec.SECTION);
    if (declared.isEmpty()) {
      return;
    }
    Object enabled =
        spec.settings()
            .getOrDefault(
                AdminPermissionSpec.ENABLED, live.settings().get("adminPermissionsEnabled"));
    if (!Boolean.TRUE.equals(enabled)) {
      out.report(
          List.of(
              Problem.error(
                  declared.get(0).origin().location(),
                  "admin permissions need the realm's '"
                      + AdminPermissionSpec.ENABLED
                      + ": true', which neither the spec nor Keycloak has")));
      return;
    }
    Live have = live.part(LIVE);
    List<Policy> policies = declared.stream().map(AdminPermissionSpec::policy).toList();
    Depths depths = AuthorizationDesired.depths(policies);
    out.report(depths.cycles());
    out.report(AdminPermissionDesired.check(spec, live, policies, have));
    Diff diff = Diff.NONE;
    for (Policy policy : policies) {
      var id = new Id(spec.realm(), policy.name(), depths.of(policy.name()));
      Map<String, Object> want = AdminPermissionDesired.fields(policy, have);
      Map<String, Object> existing = have.policies().get(policy.name());
      diff =
          diff.plus(
              existing == null
                  ? Diff.change(
                      Change.create(id, AuthorizationDesired.named(policy.name(), want))
                          .at(policy.origin()))
                  : Diff.update(
                      id,
                      FieldDiff.between(want, AuthorizationDiff.comparable(existing)),
                      policy.origin()));
    }
    out.add(diff);
  }

  @Override
  public List<Owned> owned() {
    return List.of(new Policies());
  }

  /** The policies realmctl declared, by name; Keycloak makes none of its own here. */
  private static final class Policies implements Owned {
    public String key() {
      return OWNED_KEY;
    }

    @Override
    public Optional<String> recordedName(ResourceId id) {
      return id instanceof Id policy ? Optional.of(policy.name()) : Optional.empty();
    }

    public Set<String> declared(RealmSpec spec) {
      Set<String> names = new HashSet<>();
      spec.of(AdminPermissionSpec.SECTION).forEach(p -> names.add(p.name()));
      return names;
    }

    public Set<String> live(LiveRealm live) {
      return live.part(LIVE).policies().keySet();
    }

    public Optional<Change> delete(String realm, String name, LiveRealm live, Pruning pruning) {
      Map<String, Map<String, Object>> policies = live.part(LIVE).policies();
      if (!policies.containsKey(name)) {
        return Optional.empty();
      }
      return Optional.of(
          Change.delete(
              new Id(realm, name, AuthorizationDesired.liveDepth(policies, name)),
              policies.get(name)));
    }
  }
}
