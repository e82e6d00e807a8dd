package dev.realmctl.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A JSON Schema of the spec, generated from the same catalog the loader checks against, so an
 * editor (yaml-language-server) completes and checks what realmctl accepts.
 */
public final class SpecSchema {
  /**
   * Keycloak's strings, attribute and config values among them: {@code "true"}, not {@code true}.
   */
  static final Map<String, Object> STRING = Map.of("type", "string");

  static final Map<String, Object> STRINGS = Map.of("type", "array", "items", STRING);
  static final Map<String, Object> CLIENT_ROLES =
      Map.of("type", "object", "additionalProperties", STRINGS);

  private static final Map<String, Object> NAMED =
      Map.of("type", "object", "required", List.of("name"));

  private final FieldCatalog catalog;

  public SpecSchema(FieldCatalog catalog) {
    this.catalog = catalog;
  }

  public Map<String, Object> generate() {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    schema.put("$id", "https://realmctl.dev/schema/realm.schema.json");
    schema.put("title", "realmctl realm spec");
    schema.put("description", "One Keycloak realm, in Keycloak's representation field names.");
    Map<String, Object> realm = object(catalog, RealmSpec.KIND, List.of("realm"), true);
    Map<String, Object> defs = new TreeMap<>();
    for (SpecSection<?> section : Sections.ALL) {
      // A section reading another's field adds to that field's schema, not a field of its own.
      if (section.key().equals(section.field())) {
        props(realm).putAll(section.schemas(catalog));
        defs.putAll(section.definitions(catalog));
      }
    }
    props(realm).put("clientPolicies", closed(Map.of("policies", array(NAMED))));
    props(realm).put("clientProfiles", closed(Map.of("profiles", array(NAMED))));
    schema.putAll(realm);
    schema.put("$defs", defs);
    return schema;
  }

  /**
   * A kind's representation as a closed object; a section adds its own structured fields to {@link
   * #properties(Map)}.
   */
  public static Map<String, Object> object(
      FieldCatalog catalog, SpecKind kind, List<String> required, boolean scalarsOnly) {
    Map<String, Object> properties = new TreeMap<>();
    catalog
        .fields(kind)
        .forEach(
            (name, type) -> {
              if (!scalarsOnly || type != FieldType.OTHER) {
                Map<String, Object> property = new TreeMap<>(property(type));
                property.putAll(KnownValues.get().annotations(kind.representation(), name));
                properties.put(name, property);
              }
            });
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("type", "object");
    if (!required.isEmpty()) {
      object.put("required", required);
    }
    object.put("properties", properties);
    object.put("additionalProperties", false);
    return object;
  }

  private static Map<String, Object> property(FieldType type) {
    return switch (type) {
      case BOOLEAN -> Map.of("type", "boolean");
      case INTEGER -> Map.of("type", "integer");
      case NUMBER -> Map.of("type", "number");
      case STRING -> STRING;
      case STRING_LIST -> STRINGS;
      case STRING_MAP -> Map.of("type", "object", "additionalProperties", STRING);
      case STRING_LIST_MAP ->
          Map.of(
              "type", "object", "additionalProperties", Map.of("anyOf", List.of(STRING, STRINGS)));
      case OTHER -> Map.of();
    };
  }

  public static Map<String, Object> properties(Map<String, Object> object) {
    return props(object);
  }

  public static Map<String, Object> arrayOf(Map<String, Object> items) {
    return array(items);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> props(Map<String, Object> object) {
    return (Map<String, Object>) object.get("properties");
  }

  static Map<String, Object> closed(Map<String, Object> properties) {
    return Map.of(
        "type", "object", "properties", new TreeMap<>(properties), "additionalProperties", false);
  }

  private static Map<String, Object> array(Map<String, Object> items) {
    return Map.of("type", "array", "items", items);
  }

  static Map<String, Object> ref(String name) {
    return Map.of("$ref", "#/$defs/" + name);
  }
}
