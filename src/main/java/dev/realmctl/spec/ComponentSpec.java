package dev.realmctl.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A component (an entry of a realm's {@code components}, keyed by provider type as exports write
 * them): key providers, user storage, client registration policies, and the sub-components of one
 * of them ({@code parent} is the parent's key), such as an LDAP provider's mappers. Its natural key
 * is provider type, sub type and name: Keycloak keeps two client registration policies of one name,
 * one per sub type.
 *
 * <p>Config values are lists of strings; secret ones are {@link Sensitive}. The key material of a
 * generated key provider is Keycloak's to make: a full export carries it, the spec drops it with a
 * warning, so a plan can never regenerate (or leak) a realm key.
 */
public record ComponentSpec(
    String providerType,
    String name,
    Optional<String> subType,
    String providerId,
    Optional<String> parent,
    Map<String, List<Object>> config,
    Origin origin) {

  public static final SpecKind KIND = new SpecKind("component", "ComponentRepresentation");
  public static final SpecSection<ComponentSpec> SECTION = new Section();

  /**
   * Owned by the declarative user profile, whose section reads it; this section leaves it alone.
   */
  public static final String USER_PROFILE = "org.keycloak.userprofile.UserProfileProvider";

  /**
   * Config keys Keycloak masks on read (on 26.7.3: LDAP's bindCredential, java-keystore's
   * passwords, an imported rsa key's privateKey, reCAPTCHA keys) plus generated HMAC/AES secrets.
   */
  public static final Set<String> SECRET_KEYS =
      Set.of(
          "bindCredential",
          "keystorePassword",
          "keyPassword",
          "privateKey",
          "secret",
          "secret.key",
          "api.key");

  /** What a generated key provider makes itself; full exports write it. */
  public static final Set<String> GENERATED_MATERIAL =
      Set.of("privateKey", "certificate", "secret", "kid");

  /**
   * The key use a generated RSA provider implies. Keycloak 24 wrote it into the config, and a 26
   * export of a migrated realm still carries it, but 26.7.3 neither stores nor returns it (an
   * update with it is answered without it): the implied value is dropped, as Keycloak does.
   */
  static final Map<String, String> IMPLIED_KEY_USE =
      Map.of("rsa-generated", "SIG", "rsa-enc-generated", "ENC");

  public static boolean generated(String providerId) {
    return providerId.endsWith("-generated");
  }

  /** Unique within a realm: type, sub type and name, under its parent's key if any. */
  public String key() {
    return key(parent, providerType, subType, name);
  }

  public static String key(
      Optional<String> parent, String providerType, Optional<String> subType, String name) {
    return parent.map(p -> p + "/").orElse("")
        + providerType
        + subType.map(s -> "/" + s).orElse("")
        + "/"
        + name;
  }

  private static final Set<String> FIELDS =
      Set.of("id", "name", "providerId", "subType", "subComponents", "config", "parentId");

  private static final class Section implements SpecSection<ComponentSpec> {
    public String field() {
      return "components";
    }

    public List<ComponentSpec> read(SpecReader reader, Object value, Origin origin) {
      List<ComponentSpec> result = new ArrayList<>();
      readTypes(reader, value, origin, Optional.empty(), result);
      return result;
    }

    private void readTypes(
        SpecReader reader,
        Object value,
        Origin origin,
        Optional<String> parent,
        List<ComponentSpec> result) {
      if (value == null) {
        return;
      }
      if (!(value instanceof Map<?, ?> byType)) {
        reader
            .problems()
            .error(origin.location(), "components must map provider types to lists of components");
        return;
      }
      for (var entry : SpecReader.strings(byType).entrySet()) {
        String type = entry.getKey();
        if (type.equals(USER_PROFILE)) {
          continue;
        }
        for (SpecReader.Item item : reader.items(entry.getValue(), type, origin.child(type))) {
          read(reader, type, item, parent, result);
        }
      }
    }

    private void read(
        SpecReader reader,
        String type,
        SpecReader.Item item,
        Optional<String> parent,
        List<ComponentSpec> result) {
      for (String key : item.map().keySet()) {
        if (!FIELDS.contains(key) && !key.equals("providerType")) {
          String hint =
              Suggestions.closest(key, FIELDS).map(s -> ": did you mean '" + s + "'?").orElse("");
          reader
              .problems()
              .error(item.origin().at(key), "unknown component field '" + key + "'" + hint);
        }
      }
      Optional<String> name = reader.requiredName(item.map(), "name", item.origin(), KIND);
      Optional<String> providerId =
          reader.requiredName(item.map(), "providerId", item.origin(), KIND);
      Optional<String> subType = reader.optionalName(item, "subType");
      if (name.isEmpty() || providerId.isEmpty()) {
        return;
      }
      Map<String, List<Object>> config = config(reader, item, providerId.get());
      var spec =
          new ComponentSpec(
              type, name.get(), subType, providerId.get(), parent, config, item.origin());
      result.add(spec);
      readTypes(
          reader,
          item.map().get("subComponents"),
          item.origin().child("subComponents"),
          Optional.of(spec.key()),
          result);
    }

    private Map<String, List<Object>> config(
        SpecReader reader, SpecReader.Item item, String providerId) {
      Map<String, List<Object>> config = new LinkedHashMap<>();
      Object value = item.map().get("config");
      if (value == null) {
        return config;
      }
      Origin origin = item.origin().child("config");
      if (!(value instanceof Map<?, ?> entries)) {
        reader.problems().error(item.origin().at("config"), "'config' must be a mapping");
        return config;
      }
      List<String> dropped = new ArrayList<>();
      for (var entry : SpecReader.strings(entries).entrySet()) {
        String key = entry.getKey();
        if (generated(providerId) && GENERATED_MATERIAL.contains(key)) {
          dropped.add(key);
          continue;
        }
        if (key.equals("keyUse")
            && IMPLIED_KEY_USE.containsKey(providerId)
            && List.of(IMPLIED_KEY_USE.get(providerId)).equals(asList(entry.getValue()))) {
          continue;
        }
        List<?> values =
            entry.getValue() instanceof List<?> list
                ? list
                : entry.getValue() == null ? List.of() : List.of(entry.getValue());
        List<Object> strings = new ArrayList<>();
        for (Object one : values) {
          if (one instanceof String || one instanceof Number || one instanceof Boolean) {
            String text = String.valueOf(one);
            strings.add(
                SECRET_KEYS.contains(key)
                    ? reader.secret(text, origin, key)
                    : SpecReader.maskSubstituted(
                        text,
                        entry.getValue() instanceof List<?>
                            ? origin.child(key).child(strings.size())
                            : origin.child(key)));
          } else {
            reader.problems().error(origin.valueAt(key), "'" + key + "' in config must be strings");
          }
        }
        config.put(key, strings);
      }
      if (!dropped.isEmpty()) {
        reader
            .problems()
            .warning(
                item.origin().at("config"),
                "ignoring "
                    + String.join(", ", dropped)
                    + " of generated key provider '"
                    + providerId
                    + "': Keycloak generates the key, realmctl never sends or compares it");
      }
      return config;
    }

    private static List<?> asList(Object value) {
      return value instanceof List<?> list ? list : List.of(String.valueOf(value));
    }

    @Override
    public void check(RealmSpec spec, Problems problems) {
      Unique.names(spec.of(this), ComponentSpec::key, ComponentSpec::origin, KIND, problems);
    }

    public Map<String, Object> schema(FieldCatalog catalog) {
      Map<String, Object> values =
          Map.of(
              "anyOf",
              List.of(
                  Map.of("type", List.of("string", "number", "boolean")),
                  Map.of(
                      "type",
                      "array",
                      "items",
                      Map.of("type", List.of("string", "number", "boolean")))));
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("id", Map.of("type", "string"));
      properties.put("name", Map.of("type", "string"));
      properties.put("providerId", Map.of("type", "string"));
      properties.put("providerType", Map.of("type", "string"));
      properties.put("parentId", Map.of("type", "string"));
      properties.put("subType", Map.of("type", List.of("string", "null")));
      properties.put("config", Map.of("type", "object", "additionalProperties", values));
      properties.put("subComponents", Map.of("$ref", "#/properties/components"));
      Map<String, Object> component = new LinkedHashMap<>();
      component.put("type", "object");
      component.put("required", List.of("name", "providerId"));
      component.put("properties", properties);
      component.put("additionalProperties", false);
      return Map.of(
          "type", "object", "additionalProperties", Map.of("type", "array", "items", component));
    }
  }
}
