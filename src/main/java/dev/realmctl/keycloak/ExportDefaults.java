package dev.realmctl.keycloak;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Leaves out of an export what Keycloak puts into a new realm by itself, given an export of a new
 * realm of the same server. It leaves out only what a spec may leave out without changing a plan: a
 * key of a mapping whose keys are each enforced on their own (the realm's fields, its {@code
 * attributes}, a locale's texts), and an entry of a resource list whose absent entries are left
 * alone (required actions, key providers, the default role). A value Keycloak compares whole (the
 * user profile, a list that is the exact set) goes only when it equals the new realm's whole.
 */
public final class ExportDefaults {
  /** Mappings whose keys are declarations each; {@code *} is any key of the mapping above. */
  private static final Set<String> KEY_BY_KEY =
      Set.of(
          "",
          "attributes",
          "roles",
          "roles.client",
          "components",
          "clientScopeMappings",
          "localizationTexts",
          "localizationTexts.*");

  /** Lists of resources, each entry a declaration of its own. */
  private static final Set<String> ENTRY_BY_ENTRY =
      Set.of(
          "clients",
          "clientScopes",
          "groups",
          "users",
          "requiredActions",
          "authenticationFlows",
          "authenticatorConfig",
          "identityProviders",
          "identityProviderMappers",
          "organizations",
          "scopeMappings",
          "roles.realm",
          "roles.client.*",
          "components.*",
          "clientScopeMappings.*");

  /** What names the realm; always written. */
  private static final String REALM = "realm";

  /**
   * The name of the bare client and user the new realm holds, made as a spec that names nothing
   * else makes them: what they hold, another new client or user of the realm would hold too.
   */
  public static final String BARE = "realmctl-defaults";

  /** The lists that may hold a bare entry, by the field that names their entries. */
  private static final Map<String, String> BARE_ENTRIES =
      Map.of("clients", "clientId", "users", "username");

  /**
   * Fields a new client or user takes from the realm, by the realm fields that shape them: a new
   * client takes the realm's default scopes, a new user its default required actions and default
   * groups. Where the realm's own differ from a new realm's, the bare entry says nothing of them.
   */
  private static final Map<String, List<String>> SHAPED_BY_REALM =
      Map.of(
          "defaultClientScopes", List.of("defaultDefaultClientScopes"),
          "optionalClientScopes", List.of("defaultOptionalClientScopes"),
          "requiredActions", List.of("requiredActions"),
          "groups", List.of("defaultGroups"));

  private ExportDefaults() {}

  /**
   * {@code exported} without what equals {@code newRealm}'s, where {@code newRealm} is the export
   * of a new realm already renamed to the exported realm ({@link #renamed}).
   */
  public static Map<String, Object> withoutDefaults(
      Map<String, Object> exported, Map<String, Object> newRealm) {
    Map<String, Object> realm = new LinkedHashMap<>(newRealm);
    Map<String, Map<String, Object>> bare = new LinkedHashMap<>();
    BARE_ENTRIES.forEach(
        (section, key) -> {
          if (realm.get(section) instanceof List<?> entries) {
            List<Object> others = new ArrayList<>(entries);
            others.stream()
                .filter(e -> e instanceof Map<?, ?> m && BARE.equals(m.get(key)))
                .findFirst()
                .ifPresent(e -> bare.put(section, cast((Map<?, ?>) e)));
            others.removeIf(e -> e instanceof Map<?, ?> m && BARE.equals(m.get(key)));
            realm.put(section, others);
          }
        });
    Map<String, Object> kept = mappingWithout("", exported, realm);
    bare.replaceAll(
        (section, entry) -> {
          Map<String, Object> sayable = new LinkedHashMap<>(entry);
          SHAPED_BY_REALM.forEach(
              (field, shapers) -> {
                if (shapers.stream().anyMatch(kept::containsKey)) {
                  sayable.remove(field);
                }
              });
          return sayable;
        });
    bare.forEach(
        (section, entry) -> {
          if (kept.get(section) instanceof List<?> entries) {
            kept.put(
                section,
                entries.stream()
                    .map(
                        e ->
                            e instanceof Map<?, ?> m
                                ? fieldsBeyond(cast(m), entry, BARE_ENTRIES.get(section))
                                : e)
                    .toList());
          }
        });
    if (exported.containsKey(REALM)) {
      Map<String, Object> first = new LinkedHashMap<>();
      first.put(REALM, exported.get(REALM));
      first.putAll(kept);
      return first;
    }
    return kept;
  }

  /**
   * A new realm's export as if it had been made under {@code to}: Keycloak names some of what it
   * makes after the realm ({@code default-roles-<realm>}).
   */
  public static Map<String, Object> renamed(Map<String, Object> spec, String from, String to) {
    @SuppressWarnings("unchecked")
    Map<String, Object> renamed = (Map<String, Object>) rename(spec, from, to);
    return renamed;
  }

  private static Object rename(Object value, String from, String to) {
    if (value instanceof String text) {
      return text.replace(from, to);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(rename(k, from, to)), rename(v, from, to)));
      return out;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(v -> rename(v, from, to)).toList();
    }
    return value;
  }

  private static Map<String, Object> mappingWithout(
      String path, Map<String, Object> exported, Map<String, Object> newRealm) {
    Map<String, Object> kept = new LinkedHashMap<>();
    exported.forEach(
        (key, value) -> {
          String at = path.isEmpty() ? key : path + "." + key;
          String any = path.isEmpty() ? key : path + ".*";
          Object fresh = newRealm.get(key);
          Object left = value;
          if (newRealm.containsKey(key) && Objects.equals(value, fresh)) {
            left = null;
          } else if (value instanceof Map<?, ?> map
              && fresh instanceof Map<?, ?> freshMap
              && (KEY_BY_KEY.contains(at) || KEY_BY_KEY.contains(any))) {
            left = emptyAsNull(mappingWithout(at, cast(map), cast(freshMap)));
          } else if (value instanceof List<?> list
              && fresh instanceof List<?> freshList
              && (ENTRY_BY_ENTRY.contains(at) || ENTRY_BY_ENTRY.contains(any))) {
            List<Object> entries = new ArrayList<>(list);
            List<Object> freshEntries = freshList.stream().map(ExportDefaults::unordered).toList();
            entries.removeIf(entry -> freshEntries.contains(unordered(entry)));
            left = entries.isEmpty() ? null : entries;
          }
          if (left != null || (value == null && !newRealm.containsKey(key))) {
            kept.put(key, left);
          }
        });
    return kept;
  }

  /**
   * An entry with its lists of plain values as sets: Keycloak keeps some (a client registration
   * policy's allowed mapper types) in an order of its own that differs from realm to realm.
   */
  private static Object unordered(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(k, unordered(v)));
      return out;
    }
    if (value instanceof List<?> list
        && list.stream().noneMatch(v -> v instanceof Map<?, ?> || v instanceof List<?>)) {
      return new HashSet<>(list);
    }
    if (value instanceof List<?> list) {
      return list.stream().map(ExportDefaults::unordered).toList();
    }
    return value;
  }

  /** An entry without the fields it shares with a bare one; its name always stays. */
  private static Map<String, Object> fieldsBeyond(
      Map<String, Object> entry, Map<String, Object> bare, String name) {
    Map<String, Object> kept = new LinkedHashMap<>();
    entry.forEach(
        (field, value) -> {
          if (field.equals(name)
              || !bare.containsKey(field)
              || !Objects.equals(bare.get(field), value)) {
            kept.put(field, value);
          }
        });
    return kept;
  }

  private static Map<String, Object> emptyAsNull(Map<String, Object> map) {
    return map.isEmpty() ? null : map;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }
}
