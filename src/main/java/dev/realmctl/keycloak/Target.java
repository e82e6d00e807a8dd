package dev.realmctl.keycloak;

import dev.realmctl.spec.GroupPath;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The realm a change is written to, with id lookups by natural key. Ids come from the snapshot and
 * from creates; a lookup request is sent only for what neither revealed.
 */
final class Target {
  private final Connection connection;
  private final Map<String, RealmIds> ids;
  private final Planned planned;

  /**
   * What the plan being applied says about the moment it was made: the realms it creates, and when
   * it read Keycloak.
   */
  record Planned(java.util.Set<String> createdRealms, java.time.Instant readAt) {
    static Planned of(dev.realmctl.plan.Plan plan, java.time.Instant readAt) {
      return new Planned(
          plan.changes().stream()
              .filter(c -> c.action() == dev.realmctl.plan.Action.CREATE)
              .filter(c -> c.id().kind() == dev.realmctl.plan.Kind.REALM)
              .map(c -> c.id().realm())
              .collect(java.util.stream.Collectors.toUnmodifiableSet()),
          readAt);
    }
  }

  Target(Connection connection, Map<String, RealmIds> ids, Planned planned) {
    this.connection = connection;
    this.ids = new java.util.concurrent.ConcurrentHashMap<>(ids);
    this.planned = planned;
  }

  Planned planned() {
    return planned;
  }

  /** A lookup by natural key found nothing. */
  static final class Absent extends IllegalStateException {
    Absent(String message) {
      super(message);
    }
  }

  RealmResource realm(String realm) {
    return connection.keycloak().realm(realm);
  }

  org.keycloak.admin.client.Keycloak keycloak() {
    return connection.keycloak();
  }

  /** A role as role-mapping calls want it, fetched once per apply. */
  org.keycloak.representations.idm.RoleRepresentation role(
      String realm, Optional<String> clientId, String name) {
    String key = clientId.map(c -> c + "/").orElse("") + name;
    return ids(realm)
        .roles
        .computeIfAbsent(
            key,
            k ->
                clientId
                    .map(c -> client(realm, c).roles())
                    .orElseGet(() -> realm(realm).roles())
                    .get(name)
                    .toRepresentation());
  }

  RealmIds ids(String realm) {
    return ids.computeIfAbsent(realm, r -> new RealmIds());
  }

  String clientUuid(String realm, String clientId) {
    return ids(realm)
        .clients
        .computeIfAbsent(
            clientId,
            c ->
                realm(realm).clients().findByClientId(c).stream()
                    .map(ClientRepresentation::getId)
                    .findFirst()
                    .orElseThrow(() -> new Absent("client '" + c + "' not found")));
  }

  ClientResource client(String realm, String clientId) {
    return realm(realm).clients().get(clientUuid(realm, clientId));
  }

  String scopeId(String realm, String name) {
    RealmIds realmIds = ids(realm);
    if (!realmIds.scopes.containsKey(name)) {
      realm(realm)
          .clientScopes()
          .findAll()
          .forEach(s -> realmIds.scopes.put(s.getName(), s.getId()));
    }
    return Optional.ofNullable(realmIds.scopes.get(name))
        .orElseThrow(() -> new Absent("client scope '" + name + "' not found"));
  }

  /** A group by its path without the leading slash, as {@code GroupPlanner.Id} holds it. */
  String groupId(String realm, String path) {
    return ids(realm)
        .groups
        .computeIfAbsent(
            path,
            p ->
                groupIdByNames(realm, GroupPath.names(p))
                    .orElseThrow(() -> new Absent("group '/" + p + "' not found")));
  }

  /**
   * Walks down by name: Keycloak's path lookup reads a slash in a name as a separator unless the
   * server escapes slashes, so it cannot tell top-level 'ops/team' from sub-group 'team' of 'ops'.
   */
  private Optional<String> groupIdByNames(String realm, List<String> names) {
    var groups = realm(realm).groups();
    Optional<String> id =
        named(RealmRead.paged((first, max) -> groups.groups(first, max)), names.get(0));
    for (String name : names.subList(1, names.size())) {
      if (id.isEmpty()) {
        return id;
      }
      var parent = groups.group(id.get());
      id = named(RealmRead.paged((first, max) -> parent.getSubGroups(first, max, true)), name);
    }
    return id;
  }

  private static Optional<String> named(List<GroupRepresentation> groups, String name) {
    return groups.stream()
        .filter(g -> name.equals(g.getName()))
        .map(GroupRepresentation::getId)
        .findFirst();
  }

  /** A user by username, or the service-account user of a client. */
  UserResource user(String realm, String username, Optional<String> serviceAccountOf) {
    String id =
        ids(realm)
            .users
            .computeIfAbsent(
                username,
                u ->
                    serviceAccountOf
                        .map(clientId -> client(realm, clientId).getServiceAccountUser().getId())
                        .orElseGet(
                            () ->
                                realm(realm).users().searchByUsername(u, true).stream()
                                    .map(UserRepresentation::getId)
                                    .findFirst()
                                    .orElseThrow(() -> new Absent("user '" + u + "' not found"))));
    return realm(realm).users().get(id);
  }

  String mapperId(
      String realm,
      String ownerSegment,
      String ownerName,
      String name,
      java.util.function.Supplier<java.util.List<ProtocolMapperRepresentation>> list) {
    String key = RealmIds.mapperKey(ownerSegment, ownerName, name);
    RealmIds realmIds = ids(realm);
    if (!realmIds.mappers.containsKey(key)) {
      list.get()
          .forEach(
              m ->
                  realmIds.mappers.put(
                      RealmIds.mapperKey(ownerSegment, ownerName, m.getName()), m.getId()));
    }
    return Optional.ofNullable(realmIds.mappers.get(key))
        .orElseThrow(() -> new Absent("protocol mapper '" + name + "' not found"));
  }

  /** The id Keycloak gave a created resource; fails with Keycloak's own message otherwise. */
  static String createdId(Response response) {
    try (response) {
      if (response.getStatus() != 201) {
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        throw new WebApplicationException(
            ("HTTP " + response.getStatus() + " " + body).strip(), response.getStatus());
      }
      return CreatedResponseUtil.getCreatedId(response);
    }
  }
}
