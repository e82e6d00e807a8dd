package dev.realmctl.keycloak;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fields one kind adds to the entries another kind exports: a client's authorization settings, a
 * user's links to identity providers, a role's composites. The exporter lays them on once every
 * kind has written its own part, so no kind edits another's output.
 *
 * @param section the path to the exported list the entries are in, e.g. {@code [clients]} or {@code
 *     [roles, client, app]}
 * @param keyField the field that names an entry, e.g. {@code clientId}
 * @param byKey the fields to add, by the entry's name
 * @param addsMissing whether an entry the owner left out is added (a built-in role the roles'
 *     export leaves out still holds composites), with the lists and maps on its path
 */
record EntryFields(
    List<String> section,
    String keyField,
    Map<String, Map<String, Object>> byKey,
    boolean addsMissing) {

  EntryFields {
    if (section.isEmpty()) {
      throw new IllegalArgumentException("entry fields need a section");
    }
    section = List.copyOf(section);
  }

  /** Fields for entries of a top-level list, only those the owner exported. */
  EntryFields(String section, String keyField, Map<String, Map<String, Object>> byKey) {
    this(List.of(section), keyField, byKey, false);
  }

  /** The exported document's top-level field this adds to. */
  String topLevel() {
    return section.get(0);
  }

  @SuppressWarnings("unchecked")
  void layOn(Map<String, Object> spec) {
    if (byKey.isEmpty()) {
      return;
    }
    Map<String, Object> container = spec;
    for (String step : section.subList(0, section.size() - 1)) {
      if (!(container.get(step) instanceof Map<?, ?>) && addsMissing) {
        container.put(step, new LinkedHashMap<String, Object>());
      }
      if (!(container.get(step) instanceof Map<?, ?> next)) {
        return;
      }
      container = (Map<String, Object>) next;
    }
    String last = section.get(section.size() - 1);
    if (!(container.get(last) instanceof List<?>) && addsMissing) {
      container.put(last, new ArrayList<Map<String, Object>>());
    }
    if (!(container.get(last) instanceof List<?> entries)) {
      return;
    }
    Map<String, Map<String, Object>> left = new TreeMap<>(byKey);
    for (Object entry : entries) {
      if (entry instanceof Map<?, ?> map) {
        Map<String, Object> fields = left.remove(String.valueOf(map.get(keyField)));
        if (fields != null) {
          ((Map<String, Object>) map).putAll(fields);
        }
      }
    }
    if (addsMissing && !left.isEmpty()) {
      // The owner's list may be unmodifiable.
      List<Object> more = new ArrayList<>(entries);
      left.forEach(
          (key, fields) -> {
            Map<String, Object> added = new LinkedHashMap<>();
            added.put(keyField, key);
            added.putAll(fields);
            more.add(added);
          });
      container.put(last, more);
    }
  }
}
