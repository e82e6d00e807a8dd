package dev.realmctl.keycloak;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** How an export writes values: only what differs from a new resource, in a stable order. */
final class ExportFields {
  private ExportFields() {}

  static Map<String, Object> nonDefault(Map<String, Object> live, Map<String, Object> defaults) {
    Map<String, Object> result = new LinkedHashMap<>();
    defaults.forEach(
        (field, value) -> {
          Object actual = live.get(field);
          boolean emptyList =
              actual instanceof List<?> l
                  && l.isEmpty()
                  && value instanceof List<?> d
                  && d.isEmpty();
          if (actual != null && !Objects.equals(actual, value) && !emptyList) {
            result.put(field, actual);
          }
        });
    return result;
  }

  /** Field and default value pairs, in the order an export writes them. */
  static Map<String, Object> defaults(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  static List<String> sorted(Object values) {
    if (!(values instanceof List<?> list)) {
      return List.of();
    }
    return list.stream().map(String::valueOf).sorted().collect(Collectors.toList());
  }

  static void putIfPresent(Map<String, Object> map, String key, Object value) {
    if (value != null && !"".equals(value)) {
      map.put(key, value);
    }
  }

  static void putIfNotEmpty(Map<String, Object> map, String key, Object value) {
    if (value instanceof List<?> list && !list.isEmpty()
        || value instanceof Map<?, ?> m && !m.isEmpty()) {
      map.put(key, value);
    }
  }

  /** A map's entries with string keys, sorted: attributes and configs as an export writes them. */
  static Map<String, Object> sortedMap(Object value) {
    Map<String, Object> result = new TreeMap<>();
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> result.put(String.valueOf(k), v));
    }
    return result;
  }

  /** The name of the variable an export asks for in place of a secret. */
  static String envName(String realm, String owner) {
    return (realm + "_" + owner + "_SECRET").toUpperCase().replaceAll("[^A-Z0-9]+", "_");
  }
}
