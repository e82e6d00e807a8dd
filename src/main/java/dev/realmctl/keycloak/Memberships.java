package dev.realmctl.keycloak;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.MappingsRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Each user's direct roles and groups. Keycloak has no bulk read of either: they come from member
 * lists (one paged call per role or group, for many users) or from each user's own mappings (for
 * few); {@link UserEdge} picks whichever is fewer requests.
 */
record Memberships(
    Map<String, Set<String>> realmRoles,
    Map<String, Map<String, Set<String>>> clientRoles,
    Map<String, Set<String>> groups) {

  /**
   * @param realmRoles the realm roles whose holders matter
   * @param clientRoles role names by clientId, for the clients whose roles matter
   * @param clientUuids Keycloak's id of each of those clients
   * @param groups every group, by path without the leading slash
   */
  static Memberships read(
      RealmResource realm,
      List<String> realmRoles,
      Map<String, List<String>> clientRoles,
      Map<String, String> clientUuids,
      Map<String, GroupRepresentation> groups) {
    Memberships result = new Memberships(new HashMap<>(), new HashMap<>(), new HashMap<>());
    for (String role : realmRoles) {
      var members = realm.roles().get(role);
      for (UserRepresentation user :
          RealmRead.paged((first, max) -> members.getUserMembers(true, first, max))) {
        add(result.realmRoles, user.getUsername(), role);
      }
    }
    clientRoles.forEach(
        (clientId, roles) -> {
          var clientRolesResource = realm.clients().get(clientUuids.get(clientId)).roles();
          for (String role : roles) {
            var members = clientRolesResource.get(role);
            for (UserRepresentation user :
                RealmRead.paged((first, max) -> members.getUserMembers(true, first, max))) {
              add(
                  result.clientRoles.computeIfAbsent(user.getUsername(), u -> new TreeMap<>()),
                  clientId,
                  role);
            }
          }
        });
    groups.forEach(
        (path, group) -> {
          var members = realm.groups().group(group.getId());
          for (UserRepresentation user :
              RealmRead.paged((first, max) -> members.members(first, max, true))) {
            add(result.groups, user.getUsername(), "/" + path);
          }
        });
    return result;
  }

  /**
   * Adds what one user's role mappings say, for the realm and for {@code clients}: read per user
   * when there are fewer users to read than roles.
   */
  void add(String username, MappingsRepresentation mappings, Set<String> clients) {
    if (mappings.getRealmMappings() != null) {
      mappings.getRealmMappings().forEach(role -> add(realmRoles, username, role.getName()));
    }
    if (mappings.getClientMappings() != null) {
      mappings
          .getClientMappings()
          .forEach(
              (clientId, roles) -> {
                if (clients.contains(clientId) && roles.getMappings() != null) {
                  roles
                      .getMappings()
                      .forEach(
                          role ->
                              add(
                                  clientRoles.computeIfAbsent(username, u -> new TreeMap<>()),
                                  clientId,
                                  role.getName()));
                }
              });
    }
  }

  /** Adds one of a user's groups, by its path as Keycloak writes it: {@code /staff/ops}. */
  void addGroup(String username, String path) {
    add(groups, username, path);
  }

  /** As Keycloak's export writes them: paths, {@code /staff/ops}. */
  List<String> groupsOf(String username) {
    return List.copyOf(groups.getOrDefault(username, Set.of()));
  }

  private static void add(Map<String, Set<String>> map, String key, String value) {
    map.computeIfAbsent(key, k -> new TreeSet<>()).add(value);
  }
}
