package dev.realmctl.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A required action (a realm's {@code requiredActions} entry), named by its alias. Only the
 * declared ones are compared: Keycloak adds new ones on upgrade, and a spec written for an older
 * server must not fight them.
 */
public record RequiredActionSpec(String alias, Map<String, Object> fields, Origin origin) {

  public static final SpecKind KIND =
      new SpecKind("required action", "RequiredActionProviderRepresentation");
  public static final SpecSection<RequiredActionSpec> SECTION = new Section();

  private static final Set<String> OWN_FIELDS = Set.of("alias", "config");

  /** Which provider Keycloak registers it from: the alias, unless the spec says otherwise. */
  public String providerId() {
    return fields.get("providerId") instanceof String id ? id : alias;
  }

  private static final class Section implements SpecSection<RequiredActionSpec> {
    public String field() {
      return "requiredActions";
    }

    public List<RequiredActionSpec> read(SpecReader reader, Object value, Origin origin) {
      List<RequiredActionSpec> result = new ArrayList<>();
      for (SpecReader.Item item : reader.items(value, field(), origin)) {
        Optional<String> alias = reader.requiredName(item.map(), "alias", item.origin(), KIND);
        Map<String, Object> fields = reader.fields(item.map(), item.origin(), KIND, OWN_FIELDS);
        if (item.map().containsKey("config")) {
          fields.put("config", reader.config(item.map(), item.origin()));
        }
        alias.ifPresent(a -> result.add(new RequiredActionSpec(a, fields, item.origin())));
      }
      return result;
    }

    @Override
    public void check(RealmSpec spec, Problems problems) {
      Unique.names(
          spec.of(this), RequiredActionSpec::alias, RequiredActionSpec::origin, KIND, problems);
    }

    public Map<String, Object> schema(FieldCatalog catalog) {
      Map<String, Object> action = SpecSchema.object(catalog, KIND, List.of("alias"), false);
      SpecSchema.properties(action)
          .put(
              "config", Map.of("type", "object", "additionalProperties", Map.of("type", "string")));
      return SpecSchema.arrayOf(action);
    }
  }
}
