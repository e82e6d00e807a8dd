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
  private static final Map<String, Object> SCALAR =
      Map.of("type", List.of("string", "number", "boolean"));
  private static final Map<String, Object> STRINGS =
      Map.of("type", "array", "items", Map.of("type", "string"));
  private static final Map<String, Object> CLIENT_ROLES =
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
    Map<String, Object> realm = object(SpecKind.REALM, List.of("realm"), true);
    props(realm).put("clientScopes", array(ref("clientScope")));
    props(realm).put("clients", array(ref("client")));
    props(realm)
        .put(
            "roles",
            closed(
                Map.of(
                    "realm", array(ref("role")),
                    "client",
                        Map.of("type", "object", "additionalProperties", array(ref("role"))))));
    props(realm).put("groups", array(ref("group")));
    props(realm).put("users", array(ref("user")));
    props(realm).put("scopeMappings", array(ref("scopeMapping")));
    props(realm)
        .put(
            "clientScopeMappings",
            Map.of("type", "object", "additionalProperties", array(ref("scopeMapping"))));
    Sections.ALL.stream()
        .filter(section -> section.key().equals(section.field()))
        .forEach(section -> props(realm).put(section.field(), section.schema(catalog)));
    props(realm).put("clientPolicies", closed(Map.of("policies", array(NAMED))));
    props(realm).put("clientProfiles", closed(Map.of("profiles", array(NAMED))));
    schema.putAll(realm);

    Map<String, Object> defs = new TreeMap<>();
    Map<String, Object> client = object(SpecKind.CLIENT, List.of("clientId"), false);
    props(client).put("protocolMappers", array(ref("protocolMapper")));
    props(client).put("defaultClientScopes", STRINGS);
    props(client).put("optionalClientScopes", STRINGS);
    props(client).put(AuthorizationSpec.FIELD, AuthorizationSpec.schema(catalog));
    defs.put("client", client);
    Map<String, Object> scope = object(SpecKind.CLIENT_SCOPE, List.of("name"), false);
    props(scope).put("protocolMappers", array(ref("protocolMapper")));
    defs.put("clientScope", scope);
    defs.put(
        "protocolMapper",
        object(SpecKind.PROTOCOL_MAPPER, List.of("name", "protocolMapper"), false));
    defs.put("role", object(SpecKind.ROLE, List.of("name"), false));
    Map<String, Object> group = object(SpecKind.GROUP, List.of("name"), false);
    props(group).put("realmRoles", STRINGS);
    props(group).put("clientRoles", CLIENT_ROLES);
    props(group).put("subGroups", array(ref("group")));
    defs.put("group", group);
    Map<String, Object> user = object(SpecKind.USER, List.of(), false);
    props(user).put("credentials", array(ref("credential")));
    props(user).put("realmRoles", STRINGS);
    props(user).put("clientRoles", CLIENT_ROLES);
    props(user).put("groups", STRINGS);
    user.put(
        "anyOf",
        List.of(
            Map.of("required", List.of("username")),
            Map.of("required", List.of("serviceAccountClientId"))));
    defs.put("user", user);
    defs.put("credential", object(SpecKind.CREDENTIAL, List.of(), false));
    Map<String, Object> scopeMapping =
        new LinkedHashMap<>(
            closed(Map.of("client", SCALAR, "clientScope", SCALAR, "roles", STRINGS)));
    scopeMapping.put("required", List.of("roles"));
    scopeMapping.put(
        "oneOf",
        List.of(Map.of("required", List.of("client")), Map.of("required", List.of("clientScope"))));
    defs.put("scopeMapping", scopeMapping);
    schema.put("$defs", defs);
    return schema;
  }

  private Map<String, Object> object(SpecKind kind, List<String> required, boolean scalarsOnly) {
    return object(catalog, kind, required, scalarsOnly);
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
                properties.put(name, property(type));
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
      case STRING -> SCALAR;
      case STRING_LIST -> Map.of("type", "array", "items", SCALAR);
      case STRING_MAP -> Map.of("type", "object", "additionalProperties", SCALAR);
      case STRING_LIST_MAP ->
          Map.of(
              "type",
              "object",
              "additionalProperties",
              Map.of("anyOf", List.of(SCALAR, Map.of("type", "array", "items", SCALAR))));
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

  private static Map<String, Object> closed(Map<String, Object> properties) {
    return Map.of(
        "type", "object", "properties", new TreeMap<>(properties), "additionalProperties", false);
  }

  private static Map<String, Object> array(Map<String, Object> items) {
    return Map.of("type", "array", "items", items);
  }

  private static Map<String, Object> ref(String name) {
    return Map.of("$ref", "#/$defs/" + name);
  }
}
