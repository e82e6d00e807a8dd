package dev.realmctl.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A mapper of an identity provider (a realm's {@code identityProviderMappers} entry), named by its
 * provider's alias and its own name.
 */
public record IdentityProviderMapperSpec(
    String identityProviderAlias, String name, Map<String, Object> fields, Origin origin) {

  public static final SpecKind KIND =
      new SpecKind("identity provider mapper", "IdentityProviderMapperRepresentation");
  public static final SpecSection<IdentityProviderMapperSpec> SECTION = new Section();

  private static final Set<String> OWN_FIELDS = Set.of("name", "identityProviderAlias", "config");

  /** How the mapper is addressed within its realm. */
  public String key() {
    return identityProviderAlias + "/" + name;
  }

  private static final class Section implements SpecSection<IdentityProviderMapperSpec> {
    public String field() {
      return "identityProviderMappers";
    }

    public List<IdentityProviderMapperSpec> read(SpecReader reader, Object value, Origin origin) {
      List<IdentityProviderMapperSpec> result = new ArrayList<>();
      for (SpecReader.Item item : reader.items(value, field(), origin)) {
        Optional<String> alias =
            reader.requiredName(item.map(), "identityProviderAlias", item.origin(), KIND);
        Optional<String> name = reader.requiredName(item.map(), "name", item.origin(), KIND);
        Map<String, Object> fields = reader.fields(item.map(), item.origin(), KIND, OWN_FIELDS);
        if (!item.map().containsKey("identityProviderMapper")) {
          reader
              .problems()
              .error(
                  item.origin().location(),
                  "identity provider mapper needs 'identityProviderMapper'"
                      + " (e.g. hardcoded-attribute-idp-mapper)");
        }
        Map<String, Object> config = reader.config(item.map(), item.origin());
        if (!config.isEmpty()) {
          fields.put("config", config);
        }
        if (alias.isPresent() && name.isPresent()) {
          result.add(
              new IdentityProviderMapperSpec(alias.get(), name.get(), fields, item.origin()));
        }
      }
      return result;
    }

    @Override
    public void check(RealmSpec spec, Problems problems) {
      Unique.names(
          spec.of(this),
          IdentityProviderMapperSpec::key,
          IdentityProviderMapperSpec::origin,
          KIND,
          problems);
    }

    public Map<String, Object> schema(FieldCatalog catalog) {
      Map<String, Object> mapper =
          SpecSchema.object(
              catalog,
              KIND,
              List.of("name", "identityProviderAlias", "identityProviderMapper"),
              false);
      SpecSchema.properties(mapper)
          .put(
              "config", Map.of("type", "object", "additionalProperties", Map.of("type", "string")));
      return SpecSchema.arrayOf(mapper);
    }
  }
}
