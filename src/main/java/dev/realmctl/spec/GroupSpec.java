package dev.realmctl.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One group at any depth. A spec's groups are listed flat, every parent before its sub-groups; a
 * group is known by its path ({@code staff/ops}), as names repeat under different parents. A {@code
 * /} in a name is written {@code ~/} in paths ({@link GroupPath}).
 */
public record GroupSpec(
    String name,
    Optional<String> parent,
    Map<String, Object> fields,
    Optional<Set<String>> realmRoles,
    Optional<Map<String, Set<String>>> clientRoles,
    Origin origin) {

  public static final SpecKind KIND = new SpecKind("group", "GroupRepresentation");

  public static final SpecSection<GroupSpec> SECTION = new Section();

  private static final String SUB_GROUPS = "subGroups";
  private static final Set<String> OWN_FIELDS =
      Set.of("name", "realmRoles", "clientRoles", SUB_GROUPS, "path", "parentId");
  private static final String DEFINITION = "group";

  /** The path without its leading slash: {@code staff} at the top, {@code staff/ops} below. */
  public String path() {
    return GroupPath.of(parent, name);
  }

  private static final class Section implements SpecSection<GroupSpec> {
    public String field() {
      return "groups";
    }

    public List<GroupSpec> read(SpecReader reader, Object value, Origin origin) {
      List<GroupSpec> groups = new ArrayList<>();
      reader
          .items(value, field(), origin)
          .forEach(item -> group(reader, item, Optional.empty(), groups));
      return groups;
    }

    /** A group and, after it, its sub-groups at any depth, as Keycloak's export nests them. */
    private static void group(
        SpecReader reader, SpecReader.Item item, Optional<String> parent, List<GroupSpec> out) {
      Optional<String> name = reader.requiredName(item.map(), "name", item.origin(), KIND);
      if (name.isPresent() && GroupPath.endsLikeAnEscape(name.get())) {
        // Keycloak escapes a '/' in a name as '~/' and leaves '~' itself bare, so with a
        // sub-group under it this name's path could not be told from an escaped slash.
        reader
            .problems()
            .error(
                item.origin().valueAt("name"),
                "group name '"
                    + name.get()
                    + "' ends with '~', which group paths use to escape a '/' in a name:"
                    + " rename the group");
        name = Optional.empty();
      }
      Map<String, Object> fields = reader.fields(item.map(), item.origin(), KIND, OWN_FIELDS);
      var realmRoles = reader.stringSet(item.map(), "realmRoles", item.origin());
      var clientRoles = reader.clientRoleMap(item.map(), item.origin());
      Optional<GroupSpec> group =
          name.map(n -> new GroupSpec(n, parent, fields, realmRoles, clientRoles, item.origin()));
      group.ifPresent(out::add);
      Object path = item.map().get("path");
      if (group.isPresent() && path != null && !isPathOf(path, group.get())) {
        reader
            .problems()
            .error(
                item.origin().valueAt("path"),
                "'path' is Keycloak's and read-only: this group's is '/"
                    + group.get().path()
                    + "'");
      }
      for (SpecReader.Item sub : reader.list(item.map(), SUB_GROUPS, item.origin())) {
        // A sub-group of a group that failed to read is still checked, under a placeholder parent.
        group(reader, sub, Optional.of(group.map(GroupSpec::path).orElse("?")), out);
      }
    }

    /**
     * Keycloak's export writes a slash in a name escaped or bare, as its escape option is set; both
     * are this group's.
     */
    private static boolean isPathOf(Object path, GroupSpec group) {
      return path.equals("/" + group.path())
          || path.equals("/" + GroupPath.unescaped(group.path()));
    }

    @Override
    public void check(RealmSpec spec, Problems problems) {
      Unique.names(spec.of(this), GroupSpec::path, GroupSpec::origin, KIND, problems);
    }

    public Map<String, Object> schema(FieldCatalog catalog) {
      return SpecSchema.arrayOf(SpecSchema.ref(DEFINITION));
    }

    @Override
    public Map<String, Object> definitions(FieldCatalog catalog) {
      Map<String, Object> group = SpecSchema.object(catalog, KIND, List.of("name"), false);
      Map<String, Object> properties = SpecSchema.properties(group);
      properties.put("realmRoles", SpecSchema.STRINGS);
      properties.put("clientRoles", SpecSchema.CLIENT_ROLES);
      properties.put(SUB_GROUPS, SpecSchema.arrayOf(SpecSchema.ref(DEFINITION)));
      return Map.of(DEFINITION, group);
    }
  }
}
