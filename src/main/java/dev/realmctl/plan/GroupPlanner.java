package dev.realmctl.plan;

import dev.realmctl.plan.RoleMappingPlanner.Subject;
import dev.realmctl.spec.GroupPath;
import dev.realmctl.spec.GroupSpec;
import dev.realmctl.spec.RealmSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

public final class GroupPlanner implements ResourcePlanner {

  public record Live(
      Map<String, Object> fields, Set<String> realmRoles, Map<String, Set<String>> clientRoles) {}

  /**
   * A group by its path without the leading slash: {@code staff}, {@code staff/ops}, a slash in a
   * name escaped ({@link GroupPath}).
   */
  public record Id(String realm, String name) implements ResourceId {
    public Kind kind() {
      return Kind.GROUP;
    }

    public String path() {
      return "groups/" + name;
    }

    @Override
    public int level() {
      return GroupPath.depth(name);
    }

    /** The group it is a sub-group of. */
    public Optional<String> parent() {
      return GroupPath.parent(name);
    }

    /**
     * The path a spec or an export writes ({@code /staff/ops}, or a bare {@code staff}) as a key.
     */
    public static String key(String written) {
      return written.startsWith("/") ? written.substring(1) : written;
    }
  }

  /** Every group by its path without the leading slash. */
  public static final LivePart<Map<String, Live>> LIVE = new LivePart<>("groups", Map.of());

  @Override
  public void plan(RealmSpec spec, LiveRealm live, PlanBuilder out) {
    References references = new References(spec, live, out);
    for (GroupSpec group : spec.of(GroupSpec.SECTION)) {
      var id = new Id(spec.realm(), group.path());
      Live existing = live.part(LIVE).get(group.path());
      if (existing == null) {
        Map<String, Object> create = new LinkedHashMap<>();
        create.put("name", group.name());
        create.putAll(group.fields());
        out.add(Change.create(id, create).at(group.origin()));
      } else {
        out.updateOrCount(id, FieldDiff.between(group.fields(), existing.fields()), group.origin());
      }
      RoleMappingPlanner.plan(
          spec.realm(),
          Subject.group(group.path()),
          group.realmRoles(),
          group.clientRoles(),
          existing == null ? Set.of() : existing.realmRoles(),
          existing == null ? Map.of() : existing.clientRoles(),
          group.origin(),
          references,
          out);
    }
    checkDefaultGroups(spec, live, out);
  }

  /**
   * The realm's {@code defaultGroups} are group paths; Keycloak's realm import and update answer
   * HTTP 500 for one that names no group (measured on 26.7.3 with a sub-group's bare name).
   */
  private static void checkDefaultGroups(RealmSpec spec, LiveRealm live, PlanBuilder out) {
    if (!(spec.settings().get("defaultGroups") instanceof List<?> written)) {
      return;
    }
    Set<String> paths = new java.util.TreeSet<>(live.part(LIVE).keySet());
    spec.of(GroupSpec.SECTION).forEach(group -> paths.add(group.path()));
    for (int i = 0; i < written.size(); i++) {
      String path = String.valueOf(written.get(i));
      if (!paths.contains(Id.key(path))) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        String hint =
            paths.stream()
                .filter(p -> p.endsWith("/" + name))
                .findFirst()
                .map(p -> ": did you mean '/" + p + "'?")
                .orElse("");
        out.problems.error(
            spec.origin().child("defaultGroups").child(i).location(),
            "'defaultGroups' names '" + path + "', which is no group's path" + hint);
      }
    }
  }

  @Override
  public List<Owned> owned() {
    return List.of(new Groups());
  }

  private static final class Groups implements Owned {
    @Override
    public Optional<String> recordedName(ResourceId id) {
      return id instanceof Id group ? Optional.of(group.name()) : Optional.empty();
    }

    public String key() {
      return Ownership.GROUPS;
    }

    public Set<String> declared(RealmSpec spec) {
      return spec.of(GroupSpec.SECTION).stream().map(GroupSpec::path).collect(Collectors.toSet());
    }

    public Set<String> live(LiveRealm live) {
      return live.part(LIVE).keySet();
    }

    /** Keycloak removes a group's sub-groups with it. */
    public Optional<Change> delete(String realm, String group, LiveRealm live, Pruning pruning) {
      Set<String> gone = pruning.gone(key());
      for (var parent = new Id(realm, group).parent();
          parent.isPresent();
          parent = new Id(realm, parent.get()).parent()) {
        if (gone.contains(parent.get()) && live.part(LIVE).containsKey(parent.get())) {
          return Optional.empty();
        }
      }
      return Optional.of(Change.delete(new Id(realm, group), live.part(LIVE).get(group).fields()));
    }
  }
}
