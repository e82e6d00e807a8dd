package dev.realmctl.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the parts of a parsed document that every kind shares (lists of mappings, names, plain
 * fields checked against Keycloak's representation, lists of names), collecting each problem at its
 * line. Each kind's section uses it; none of them talks to a server.
 */
public final class SpecReader {
  /**
   * Fields only Keycloak sets. Exports carry them, so a spec may too; they are read-only: never
   * compared, never sent. {@code otpSupportedApplications} is derived from the OTP policy by a list
   * of apps that changed between versions: an export from 24 names one app where 25 names two.
   */
  static final Set<String> READ_ONLY =
      Set.of(
          "id",
          "containerId",
          "createdTimestamp",
          "totp",
          "disableableCredentialTypes",
          "notBefore",
          "keycloakVersion",
          "otpSupportedApplications",
          "access");

  private final FieldCatalog catalog;
  private final Problems problems;

  public SpecReader(FieldCatalog catalog, Problems problems) {
    this.catalog = catalog;
    this.problems = problems;
  }

  public Problems problems() {
    return problems;
  }

  public FieldCatalog catalog() {
    return catalog;
  }

  /**
   * A secret field: kept as {@link Sensitive}, so nothing downstream can print it. One policy for
   * every secret: a value written in the spec's text is taken, with a warning at its line.
   */
  public Optional<Sensitive> sensitive(Map<String, Object> map, String key, Origin origin) {
    Object value = map.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Sensitive secret) {
      return Optional.of(secret);
    }
    if (value instanceof String text) {
      return Optional.of(secret(text, origin, key));
    }
    problems.error(origin.at(key), "'" + key + "' must be a string");
    return Optional.empty();
  }

  /** The secret {@code text} standing at {@code origin}'s {@code key} (or one of its items). */
  public Sensitive secret(String text, Origin origin, String key) {
    if (!origin.substituted(key)
        && !origin.child(key).substituted("0")
        && !text.equals(YamlReader.CONSOLE_MASK)) {
      problems.secretInText(origin.valueAt(key), key);
    }
    return new Sensitive(text);
  }

  /** One mapping of a list, with where it stands in the file. */
  public record Item(Map<String, Object> map, Origin origin) {}

  /** The mappings of a list field; anything else in the list is an error at its line. */
  public List<Item> list(Map<String, Object> parent, String key, Origin parentOrigin) {
    return items(parent.get(key), key, parentOrigin.child(key));
  }

  /** The mappings of a list value standing at {@code origin}, the field {@code key}. */
  public List<Item> items(Object value, String key, Origin origin) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> items)) {
      problems.error(origin.location(), "'" + key + "' must be a list");
      return List.of();
    }
    List<Item> result = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Origin itemOrigin = origin.child(i);
      if (items.get(i) instanceof Map<?, ?> itemMap) {
        result.add(new Item(strings(itemMap), itemOrigin));
      } else {
        problems.error(itemOrigin.location(), "each entry of '" + key + "' must be a mapping");
      }
    }
    return result;
  }

  /**
   * A {@code config} mapping as Keycloak keeps it, every value a string: numbers and booleans are
   * taken as their text, anything else is an error at its line.
   */
  public Map<String, Object> config(Map<String, Object> map, Origin origin) {
    Object value = map.get("config");
    Map<String, Object> config = new LinkedHashMap<>();
    if (value == null) {
      return config;
    }
    if (!(value instanceof Map<?, ?> entries)) {
      problems.error(origin.at("config"), "'config' must be a mapping of strings");
      return config;
    }
    Origin configOrigin = origin.child("config");
    for (var entry : strings(entries).entrySet()) {
      Object item = entry.getValue();
      if (item instanceof Sensitive || item instanceof String) {
        config.put(entry.getKey(), maskSubstituted(item, configOrigin.child(entry.getKey())));
      } else if (item instanceof Number || item instanceof Boolean) {
        config.put(entry.getKey(), String.valueOf(item));
      } else if (item != null) {
        problems.error(
            configOrigin.valueAt(entry.getKey()),
            "'" + entry.getKey() + "' in config must be a string, not " + describeValue(item));
      }
    }
    return config;
  }

  public Optional<String> optionalName(Item item, String key) {
    Object value = item.map().get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof String name && !name.isBlank()) {
      return Optional.of(name);
    }
    problems.error(item.origin().valueAt(key), "'" + key + "' must be a non-empty string");
    return Optional.empty();
  }

  public Optional<Map<String, Set<String>>> clientRoleMap(Map<String, Object> map, Origin origin) {
    return roleMap(map, "clientRoles", origin);
  }

  /** Client role names by client id, under {@code key}. */
  public Optional<Map<String, Set<String>>> roleMap(
      Map<String, Object> map, String key, Origin origin) {
    Object value = map.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof Map<?, ?> byClient)) {
      problems.error(origin.at(key), "'" + key + "' must map client ids to lists of role names");
      return Optional.empty();
    }
    Map<String, Set<String>> result = new LinkedHashMap<>();
    Origin clientRolesOrigin = origin.child(key);
    for (var entry : strings(byClient).entrySet()) {
      stringSet(strings(byClient), entry.getKey(), clientRolesOrigin)
          .ifPresent(roles -> result.put(entry.getKey(), roles));
    }
    return Optional.of(result);
  }

  public Optional<Set<String>> stringSet(Map<String, Object> map, String key, Origin origin) {
    if (!map.containsKey(key)) {
      return Optional.empty();
    }
    Object value = map.get(key);
    if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
      problems.error(origin.at(key), "'" + key + "' must be a list of strings");
      return Optional.empty();
    }
    Set<String> result = new LinkedHashSet<>();
    for (int i = 0; i < list.size(); i++) {
      if (!result.add((String) list.get(i))) {
        problems.error(
            origin.child(key).child(i).location(),
            "'" + list.get(i) + "' is listed twice in '" + key + "'");
      }
    }
    return Optional.of(result);
  }

  public Optional<String> requiredName(
      Map<String, Object> map, String key, Origin origin, SpecKind kind) {
    Object value = map.get(key);
    if (value instanceof String name && !name.isBlank()) {
      return Optional.of(name);
    }
    problems.error(
        value == null ? origin.location() : origin.at(key),
        kind.label() + " needs a non-empty '" + key + "'");
    return Optional.empty();
  }

  /**
   * The declared plain fields of an element, checked against the representation: unknown names
   * (with a suggestion) and wrong types are errors.
   */
  public Map<String, Object> fields(
      Map<String, Object> map, Origin origin, SpecKind kind, Set<String> handledElsewhere) {
    Map<String, FieldType> known = catalog.fields(kind);
    Map<String, Object> fields = new LinkedHashMap<>();
    Set<String> candidates = new TreeSet<>();
    for (var entry : map.entrySet()) {
      String key = entry.getKey();
      if (handledElsewhere.contains(key) || READ_ONLY.contains(key)) {
        continue;
      }
      FieldType type = known.get(key);
      if (type == null) {
        if (candidates.isEmpty()) {
          candidates.addAll(known.keySet());
          candidates.addAll(handledElsewhere);
        }
        String hint =
            Suggestions.closest(key, candidates).map(s -> ": did you mean '" + s + "'?").orElse("");
        problems.error(origin.at(key), "unknown " + kind.label() + " field '" + key + "'" + hint);
        continue;
      }
      Object value = entry.getValue();
      if (type == FieldType.BOOLEAN && ("true".equals(value) || "false".equals(value))) {
        problems.warning(
            origin.valueAt(key),
            "'"
                + key
                + "' is the string \""
                + value
                + "\"; Keycloak's import reads it as "
                + value
                + ": write "
                + value
                + " without quotes");
        value = Boolean.valueOf((String) value);
      }
      if (value != null && !type.accepts(value)) {
        problems.error(
            origin.valueAt(key),
            "'" + key + "' must be " + type.describe() + ", not " + describeValue(value));
        continue;
      }
      fields.put(key, maskSubstituted(value, origin.child(key)));
    }
    return fields;
  }

  /**
   * Every value that came from {@code ${env:...}} or {@code ${file:...}} is kept as {@link
   * Sensitive}, wherever it stands: a plan masks it at the value, in every format.
   */
  static Object maskSubstituted(Object value, Origin origin) {
    if (value instanceof String text) {
      return origin.source().substituted(origin.path()) ? new Sensitive(text) : text;
    }
    if (value instanceof List<?> list) {
      List<Object> masked = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        masked.add(maskSubstituted(list.get(i), origin.child(i)));
      }
      return masked;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> masked = new LinkedHashMap<>();
      strings(map)
          .forEach((k, v) -> masked.put(k, maskSubstituted(v, origin.child(YamlReader.escape(k)))));
      return masked;
    }
    return value;
  }

  private static String describeValue(Object value) {
    if (value instanceof List<?>) {
      return "a list";
    }
    if (value instanceof Map<?, ?>) {
      return "a mapping";
    }
    return "'" + value + "'";
  }

  static boolean isScalar(Object value) {
    return value instanceof String || value instanceof Number || value instanceof Boolean;
  }

  static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> result = new LinkedHashSet<>(a);
    result.addAll(b);
    return result;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> strings(Map<?, ?> map) {
    Map<String, Object> result = new LinkedHashMap<>();
    for (var entry : map.entrySet()) {
      result.put(String.valueOf(entry.getKey()), entry.getValue());
    }
    return result;
  }
}
