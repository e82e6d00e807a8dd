package dev.realmctl.keycloak;

import java.util.HashMap;
import java.util.Map;

/**
 * Keycloak's internal ids by natural key, for one realm: filled from the snapshot, then by each
 * create, so apply rarely has to look an id up.
 */
final class RealmIds {
  final Map<String, String> clients = new HashMap<>();
  final Map<String, String> scopes = new HashMap<>();
  final Map<String, String> users = new HashMap<>();
  final Map<String, String> groups = new HashMap<>();
  final Map<String, String> mappers = new HashMap<>();

  static String mapperKey(String ownerSegment, String ownerName, String mapper) {
    return ownerSegment + "/" + ownerName + "/" + mapper;
  }
}
