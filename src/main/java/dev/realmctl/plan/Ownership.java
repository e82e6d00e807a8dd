package dev.realmctl.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.realmctl.spec.RealmSpec;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What realmctl created or adopted in a realm, by kind, kept in a realm attribute. Only these are
 * ever pruned: never a built-in, never something a person made in the console, never the realm.
 */
public record Ownership(Map<String, Set<String>> byKind) {
  public static final String ATTRIBUTE = "realmctl.ownership";
  static final String CLIENTS = "clients";
  static final String CLIENT_SCOPES = "clientScopes";
  static final String ROLES = "roles";

  /** Client roles, each recorded as {@code clientId/roleName}. */
  static final String CLIENT_ROLES = "clientRoles";

  static String clientRoleKey(String clientId, String role) {
    return clientId + "/" + role;
  }

  /** The client of a client-role key; split at the last slash, as client ids may be URLs. */
  static String clientOf(String clientRoleKey) {
    return clientRoleKey.substring(0, clientRoleKey.lastIndexOf('/'));
  }

  static String roleOf(String clientRoleKey) {
    return clientRoleKey.substring(clientRoleKey.lastIndexOf('/') + 1);
  }

  public static final String GROUPS = "groups";
  public static final String USERS = "users";
  private static final ObjectMapper JSON = new ObjectMapper();

  static Ownership empty() {
    return new Ownership(new TreeMap<>());
  }

  static Ownership declaredBy(RealmSpec spec) {
    Ownership owned = empty();
    for (Owned kind : Planner.owned()) {
      kind.declared(spec).forEach(name -> owned.add(kind.key(), name));
    }
    return owned;
  }

  /** The recorded names of each kind that still exist. */
  Ownership stillIn(LiveRealm live) {
    Ownership existing = empty();
    for (Owned kind : Planner.owned()) {
      Set<String> names = kind.live(live);
      of(kind.key()).stream().filter(names::contains).forEach(n -> existing.add(kind.key(), n));
    }
    return existing;
  }

  /** What the live realm records; a missing or unreadable attribute means nothing is owned yet. */
  static Ownership recordedIn(LiveRealm live) {
    return recordedIn(live.settings());
  }

  /** The record in a realm representation's attributes, for readers that have only those. */
  public static Ownership recordedIn(Map<String, Object> realmSettings) {
    if (!(realmSettings.get("attributes") instanceof Map<?, ?> attributes)
        || !(attributes.get(ATTRIBUTE) instanceof String text)) {
      return empty();
    }
    return parse(text);
  }

  /** A serialized record; an unreadable one means nothing is owned yet. */
  static Ownership parse(String text) {
    try {
      TreeMap<String, TreeSet<String>> parsed = JSON.readValue(text, new TypeReference<>() {});
      return new Ownership(new TreeMap<>(parsed));
    } catch (JsonProcessingException e) {
      return empty();
    }
  }

  /** The clients some recorded client role belongs to. */
  public Set<String> clientsWithRoles() {
    return of(CLIENT_ROLES).stream()
        .map(Ownership::clientOf)
        .collect(java.util.stream.Collectors.toSet());
  }

  public Set<String> of(String kind) {
    return byKind.getOrDefault(kind, Set.of());
  }

  private void add(String kind, String name) {
    byKind.computeIfAbsent(kind, k -> new TreeSet<>()).add(name);
  }

  Ownership plus(Ownership other) {
    Ownership result = empty();
    byKind.forEach((kind, names) -> names.forEach(n -> result.add(kind, n)));
    other.byKind.forEach((kind, names) -> names.forEach(n -> result.add(kind, n)));
    return result;
  }

  /** This record without the names {@code other} holds. */
  Ownership minus(Ownership other) {
    Ownership result = empty();
    byKind.forEach(
        (kind, names) ->
            names.stream()
                .filter(n -> !other.of(kind).contains(n))
                .forEach(n -> result.add(kind, n)));
    return result;
  }

  /** This record with one more name. */
  Ownership with(String kind, String name) {
    Ownership result = plus(empty());
    result.add(kind, name);
    return result;
  }

  boolean isEmpty() {
    return byKind.values().stream().allMatch(Set::isEmpty);
  }

  String serialize() {
    try {
      return JSON.writeValueAsString(byKind);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
