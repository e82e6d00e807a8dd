package dev.realmctl.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The config of a flow step, named by alias (the realm's {@code authenticatorConfig}). */
public record AuthenticatorConfigSpec(String alias, Map<String, Object> config, Origin origin) {

  public static final SpecKind KIND =
      new SpecKind("authenticator config", "AuthenticatorConfigRepresentation");
  public static final SpecSection<AuthenticatorConfigSpec> SECTION = new Section();

  private static final class Section implements SpecSection<AuthenticatorConfigSpec> {
    public String field() {
      return "authenticatorConfig";
    }

    public List<AuthenticatorConfigSpec> read(SpecReader reader, Object value, Origin origin) {
      List<AuthenticatorConfigSpec> configs = new ArrayList<>();
      for (SpecReader.Item item : reader.items(value, field(), origin)) {
        Optional<String> alias = reader.requiredName(item.map(), "alias", item.origin(), KIND);
        reader.fields(item.map(), item.origin(), KIND, Set.of("alias", "config"));
        Map<String, Object> config = reader.config(item.map(), item.origin());
        alias.ifPresent(a -> configs.add(new AuthenticatorConfigSpec(a, config, item.origin())));
      }
      return configs;
    }

    @Override
    public void check(RealmSpec spec, Problems problems) {
      Unique.names(
          spec.of(this),
          AuthenticatorConfigSpec::alias,
          AuthenticatorConfigSpec::origin,
          KIND,
          problems);
    }

    public Map<String, Object> schema(FieldCatalog catalog) {
      Map<String, Object> config = SpecSchema.object(catalog, KIND, List.of("alias"), false);
      SpecSchema.properties(config)
          .put(
              "config", Map.of("type", "object", "additionalProperties", Map.of("type", "string")));
      return SpecSchema.arrayOf(config);
    }
  }
}
