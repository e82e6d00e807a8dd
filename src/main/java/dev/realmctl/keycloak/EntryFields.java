package dev.realmctl.keycloak;

import java.util.List;
import java.util.Map;

/**
 * Fields one kind adds to the entries another kind exports: a client's authorization settings, a
 * user's links to identity providers. The exporter lays them on once every kind has written its own
 * part, so no kind edits another's output.
 *
 * @param section the exported list the entries are in, e.g. {@code clients}
 * @param keyField the field that names an entry, e.g. {@code clientId}
 * @param byKey the fields to add, by the entry's name
 */
record EntryFields(String section, String keyField, Map<String, Map<String, Object>> byKey) {

  @SuppressWarnings("unchecked")
  void layOn(Map<String, Object> spec) {
    if (!(spec.get(section) instanceof List<?> entries)) {
      return;
    }
    for (Object entry : entries) {
      if (entry instanceof Map<?, ?> map) {
        Map<String, Object> fields = byKey.get(String.valueOf(map.get(keyField)));
        if (fields != null) {
          ((Map<String, Object>) map).putAll(fields);
        }
      }
    }
  }
}
