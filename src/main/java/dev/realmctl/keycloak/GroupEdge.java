package dev.realmctl.keycloak;

import dev.realmctl.plan.Builtins;
import dev.realmctl.plan.Change;
import dev.realmctl.plan.GroupPlanner;
import dev.realmctl.plan.Kind;
import dev.realmctl.plan.LiveRealm;
import dev.realmctl.spec.GroupPath;
import dev.realmctl.spec.RealmSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.keycloak.representations.idm.GroupRepresentation;

/**
 * Groups to any depth with their role mappings, from the realm's partial export: the admin API
 * would take a request per group for its roles, and one per parent for its sub-groups.
 */
final class GroupEdge implements KindEdge {

  @Override
  public Map<Kind, ChangeWriter<?>> writers() {
    return Map.of(Kind.GROUP, new GroupWriter());
  }

  @Override
  public LiveRealm read(RealmSpec spec, RealmRead read, LiveRealm live) {
    Map<String, GroupPlanner.Live> groups = new LinkedHashMap<>();
    List<GroupRepresentation> top = read.export().getGroups();
    add(top == null ? List.of() : top, "", groups, read.ids());
    return live.with(GroupPlanner.LIVE, groups);
  }

  /** Parents before their children, by path without the leading slash. */
  private static void add(
      List<GroupRepresentation> level,
      String parent,
      Map<String, GroupPlanner.Live> groups,
      RealmIds ids) {
    for (GroupRepresentation group : level) {
      // Built from the names, never from Keycloak's own path: by default Keycloak leaves a slash in
      // a name bare there, so the top-level group 'ops/team' and sub-group 'team' of 'ops' share
      // it.
      String path = GroupPath.under(parent, group.getName());
      ids.groups.put(path, group.getId());
      Map<String, Set<String>> clientRoles = new HashMap<>();
      if (group.getClientRoles() != null) {
        group.getClientRoles().forEach((c, roles) -> clientRoles.put(c, new HashSet<>(roles)));
      }
      Map<String, Object> fields = Json.toMap(group);
      fields.remove("subGroups");
      fields.remove("realmRoles");
      fields.remove("clientRoles");
      groups.put(
          path,
          new GroupPlanner.Live(
              fields,
              group.getRealmRoles() == null ? Set.of() : Set.copyOf(group.getRealmRoles()),
              clientRoles));
      if (group.getSubGroups() != null) {
        add(group.getSubGroups(), path, groups, ids);
      }
    }
  }

  @Override
  public void export(String realm, LiveRealm live, Map<String, Object> spec, List<String> notes) {
    Map<String, List<Map<String, Object>>> subGroups = new HashMap<>();
    List<Map<String, Object>> groups = new ArrayList<>();
    // Sorted by path, a parent comes before its children.
    new TreeMap<>(live.part(GroupPlanner.LIVE))
        .forEach(
            (path, group) -> {
              Map<String, Object> out = new LinkedHashMap<>();
              out.put("name", group.fields().get("name"));
              ExportFields.putIfNotEmpty(
                  out, "attributes", ExportFields.sortedMap(group.fields().get("attributes")));
              out.put("realmRoles", ExportFields.sorted(List.copyOf(group.realmRoles())));
              Map<String, Object> clientRoles = new TreeMap<>();
              group
                  .clientRoles()
                  .forEach(
                      (clientId, roles) -> {
                        if (!Builtins.CLIENTS.contains(clientId) && !roles.isEmpty()) {
                          clientRoles.put(clientId, ExportFields.sorted(List.copyOf(roles)));
                        }
                      });
              ExportFields.putIfNotEmpty(out, "clientRoles", clientRoles);
              List<Map<String, Object>> children = new ArrayList<>();
              subGroups.put(path, children);
              GroupPath.parent(path).map(subGroups::get).orElse(groups).add(out);
              out.put("subGroups", children);
            });
    dropEmptySubGroups(groups);
    ExportFields.putIfNotEmpty(spec, "groups", groups);
  }

  /**
   * Leaves are written without {@code subGroups}, so an export without sub-groups reads as before.
   */
  private static void dropEmptySubGroups(List<Map<String, Object>> groups) {
    for (Map<String, Object> group : groups) {
      @SuppressWarnings("unchecked")
      var children = (List<Map<String, Object>>) group.get("subGroups");
      if (children.isEmpty()) {
        group.remove("subGroups");
      } else {
        dropEmptySubGroups(children);
      }
    }
  }

  private static final class GroupWriter implements ChangeWriter<GroupPlanner.Id> {
    @Override
    public Class<GroupPlanner.Id> idType() {
      return GroupPlanner.Id.class;
    }

    @Override
    public void create(GroupPlanner.Id id, Change change, Target target) {
      var groups = target.realm(id.realm()).groups();
      var representation = Json.toRepresentation(change.after(), GroupRepresentation.class);
      String created =
          Target.createdId(
              id.parent()
                  .map(parent -> groups.group(target.groupId(id.realm(), parent)))
                  .map(parent -> parent.subGroup(representation))
                  .orElseGet(() -> groups.add(representation)));
      target.ids(id.realm()).groups.put(id.name(), created);
    }

    @Override
    public boolean exists(GroupPlanner.Id id, Change change, Target target) {
      return ChangeWriter.found(() -> target.groupId(id.realm(), id.name()));
    }

    @Override
    public void update(GroupPlanner.Id id, Change change, Target target) {
      String groupId = target.groupId(id.realm(), id.name());
      var group = target.realm(id.realm()).groups().group(groupId);
      GroupRepresentation fresh = group.toRepresentation();
      PlannedFields.check(
          change, Json.toMap(fresh), target, AdminEvents.Resource.at("groups/" + groupId, "GROUP"));
      group.update(Json.overlay(fresh, change.after(), GroupRepresentation.class));
    }

    @Override
    public void delete(GroupPlanner.Id id, Change change, Target target) {
      target.realm(id.realm()).groups().group(target.groupId(id.realm(), id.name())).remove();
    }
  }
}
