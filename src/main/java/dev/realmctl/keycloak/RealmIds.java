package dev.realmctl.keycloak;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keycloak's internal ids (and role representations) by natural key, for one realm: filled from the
 * snapshot, then by each create, so apply rarely has to look an id up.
 */
final class RealmIds {
  final Map<String, String> clients = new ConcurrentHashMap<>();
  final Map<String, String> scopes = new ConcurrentHashMap<>();
  final Map<String, String> users = new ConcurrentHashMap<>();
  final Map<String, String> groups = new ConcurrentHashMap<>();
  final Map<String, String> mappers = new ConcurrentHashMap<>();

  /** Ids of the kinds read by their edges, each key prefixed with the kind's path. */
  final Map<String, String> byPath = new ConcurrentHashMap<>();

  final Map<String, org.keycloak.representations.idm.RoleRepresentation> roles =
      new ConcurrentHashMap<>();

  static String mapperKey(String ownerSegment, String ownerName, String mapper) {
    return ownerSegment + "/" + ownerName + "/" + mapper;
  }
}
