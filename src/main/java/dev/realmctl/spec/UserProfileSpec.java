package dev.realmctl.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The realm's declarative user profile (Keycloak's UPConfig), as a whole document. Two forms: the
 * realm field {@code userProfile}, realmctl's own name (RealmRepresentation has none), holding the
 * document as YAML; and what {@code kc.sh export} writes, a {@code components} entry of the user
 * profile provider whose config holds the document as one JSON string.
 */
public record UserProfileSpec(Map<String, Object> config, Origin origin) {

  public static final SpecSection<UserProfileSpec> SECTION = new Field();

  /**
   * Only the user profile component is read; other component types wait for their own kind, and
   * this section hands over to it then.
   */
  public static final SpecSection<UserProfileSpec> COMPONENTS = new Components();

  static final String PROVIDER = "org.keycloak.userprofile.UserProfileProvider";
  static final String CONFIG_KEY = "kc.user.profile.config";

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Checks the shape Keycloak would refuse anyway, so the error names a line, not an HTTP 400. */
  private static void check(Map<String, Object> config, Origin origin, Problems problems) {
    Object attributes = config.get("attributes");
    if (!(attributes instanceof List<?> list)) {
      problems.error(origin.location(), "the user profile needs 'attributes', a list");
      return;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      Origin at = origin.child("attributes").child(i);
      if (!(list.get(i) instanceof Map<?, ?> attribute)
          || !(attribute.get("name") instanceof String name)
          || name.isBlank()) {
        problems.error(at.location(), "each user profile attribute needs a non-empty 'name'");
      } else if (!names.add(name)) {
        problems.error(at.location(), "user profile attribute '" + name + "' is declared twice");
      }
    }
  }

  private static final class Field implements SpecSection<UserProfileSpec> {
    public String field() {
      return "userProfile";
    }

    public List<UserProfileSpec> read(SpecReader reader, Object value, Origin origin) {
      if (!(value instanceof Map<?, ?> map)) {
        reader.problems().error(origin.location(), "'userProfile' must be a mapping (UPConfig)");
        return List.of();
      }
      Map<String, Object> config = SpecReader.strings(map);
      UserProfileSpec.check(config, origin, reader.problems());
      return List.of(new UserProfileSpec(config, origin));
    }

    @Override
    public void check(RealmSpec spec, Problems problems) {
      if (spec.declares(this) && spec.declares(COMPONENTS) && !spec.of(COMPONENTS).isEmpty()) {
        problems.error(
            spec.of(COMPONENTS).get(0).origin().location(),
            "the user profile is declared twice: as 'userProfile' and as a component");
      }
    }

    public Map<String, Object> schema(FieldCatalog catalog) {
      return Map.of(
          "type",
          "object",
          "required",
          List.of("attributes"),
          "properties",
          Map.of(
              "attributes",
              Map.of(
                  "type", "array", "items", Map.of("type", "object", "required", List.of("name"))),
              "groups",
              Map.of("type", "array", "items", Map.of("type", "object")),
              "unmanagedAttributePolicy",
              Map.of("enum", List.of("ENABLED", "ADMIN_VIEW", "ADMIN_EDIT"))));
    }
  }

  private static final class Components implements SpecSection<UserProfileSpec> {
    public String field() {
      return "components";
    }

    @Override
    public String key() {
      return "components/" + PROVIDER;
    }

    public List<UserProfileSpec> read(SpecReader reader, Object value, Origin origin) {
      if (!(value instanceof Map<?, ?> map)) {
        // ComponentSpec reports the shape.
        return List.of();
      }
      // Every other type is a component of ComponentSpec's.
      Map<String, Object> byType = SpecReader.strings(map);
      List<SpecReader.Item> items = reader.list(byType, PROVIDER, origin);
      if (items.size() > 1) {
        reader
            .problems()
            .error(items.get(1).origin().location(), "a realm has one user profile component");
      }
      if (items.isEmpty()) {
        return List.of();
      }
      SpecReader.Item item = items.get(0);
      Origin configOrigin = item.origin().child("config");
      // Exports of Keycloak 22 to 24 write the component of a realm that kept the default
      // profile with an empty config, and Keycloak's import reads that as the default: nothing
      // declared.
      if (!(item.map().get("config") instanceof Map<?, ?> given) || given.isEmpty()) {
        return List.of();
      }
      Object json = given.get(CONFIG_KEY);
      if (json instanceof List<?> single && single.size() == 1) {
        json = single.get(0);
      }
      if (!(json instanceof String text)) {
        reader
            .problems()
            .error(
                item.origin().location(),
                "the user profile component needs config '" + CONFIG_KEY + "': [\"<json>\"]");
        return List.of();
      }
      try {
        Map<String, Object> config = JSON.readValue(text, MAP);
        // Lines inside a JSON string are not the file's: errors point at the string.
        UserProfileSpec.check(config, configOrigin.child(CONFIG_KEY), reader.problems());
        return List.of(new UserProfileSpec(config, configOrigin.child(CONFIG_KEY)));
      } catch (JsonProcessingException e) {
        reader
            .problems()
            .error(
                configOrigin.at(CONFIG_KEY),
                "'" + CONFIG_KEY + "' is not JSON: " + e.getOriginalMessage());
        return List.of();
      }
    }

    public Map<String, Object> schema(FieldCatalog catalog) {
      return Map.of(
          "type",
          "object",
          "properties",
          Map.of(PROVIDER, Map.of("type", "array", "maxItems", 1)),
          "additionalProperties",
          false);
    }
  }
}
