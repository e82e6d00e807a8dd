package dev.realmctl.keycloak;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.realmctl.spec.Sensitive;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts between Keycloak's representation classes and the plain maps plans are made of. */
final class Json {
  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .setSerializationInclusion(JsonInclude.Include.NON_NULL)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          // A spec may write `attributes: {team: a}` where a user's attribute is a list of strings.
          .configure(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, true);
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private Json() {}

  static Map<String, Object> toMap(Object representation) {
    return MAPPER.convertValue(representation, MAP);
  }

  /** Builds a representation; {@link Sensitive} values are revealed here, at the wire, only. */
  static <T> T toRepresentation(Map<String, Object> fields, Class<T> type) {
    return MAPPER.convertValue(reveal(fields), type);
  }

  /** The current representation with the changed fields laid over it, mappings merged by key. */
  @SuppressWarnings("unchecked")
  static <T> T overlay(Object current, Map<String, Object> changes, Class<T> type) {
    Map<String, Object> merged = toMap(current);
    for (var entry : changes.entrySet()) {
      Object existing = merged.get(entry.getKey());
      if (entry.getValue() instanceof Map<?, ?> patch && existing instanceof Map<?, ?> base) {
        Map<String, Object> combined = new LinkedHashMap<>((Map<String, Object>) base);
        combined.putAll((Map<String, Object>) patch);
        merged.put(entry.getKey(), combined);
      } else {
        merged.put(entry.getKey(), entry.getValue());
      }
    }
    return toRepresentation(merged, type);
  }

  private static Object reveal(Object value) {
    if (value instanceof Sensitive secret) {
      return secret.reveal();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), reveal(v)));
      return copy;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(Json::reveal).toList();
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> reveal(Map<String, Object> fields) {
    return (Map<String, Object>) reveal((Object) fields);
  }
}
