package dev.realmctl.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An identity provider (a realm's {@code identityProviders} entry), named by its alias. Its client
 * secret is kept apart from its config: Keycloak never shows it back, so it is set, never compared.
 */
public record IdentityProviderSpec(
    String alias, Map<String, Object> fields, Optional<Sensitive> clientSecret, Origin origin) {

  public static final SpecKind KIND =
      new SpecKind("identity provider", "IdentityProviderRepresentation");
  public static final SpecSection<IdentityProviderSpec> SECTION = new Section();

  /** Handled apart, or set by Keycloak itself (exports write them: {@code types} since 26.5). */
  private static final Set<String> OWN_FIELDS = Set.of("alias", "config", "internalId", "types");

  private static final class Section implements SpecSection<IdentityProviderSpec> {
    public String field() {
      return "identityProviders";
    }

    public List<IdentityProviderSpec> read(SpecReader reader, Object value, Origin origin) {
      List<IdentityProviderSpec> result = new ArrayList<>();
      for (SpecReader.Item item : reader.items(value, field(), origin)) {
        Optional<String> alias = reader.requiredName(item.map(), "alias", item.origin(), KIND);
        Map<String, Object> fields = reader.fields(item.map(), item.origin(), KIND, OWN_FIELDS);
        if (!item.map().containsKey("providerId")) {
          reader
              .problems()
              .error(
                  item.origin().location(),
                  "identity provider needs 'providerId' (e.g. oidc, keycloak-oidc, saml)");
        }
        Map<String, Object> config = reader.config(item.map(), item.origin());
        Optional<Sensitive> secret =
            reader.sensitive(config, "clientSecret", item.origin().child("config"));
        config.remove("clientSecret");
        if (!config.isEmpty()) {
          fields.put("config", config);
        }
        alias.ifPresent(
            a -> result.add(new IdentityProviderSpec(a, fields, secret, item.origin())));
      }
      return result;
    }

    @Override
    public void check(RealmSpec spec, Problems problems) {
      Unique.names(
          spec.of(this), IdentityProviderSpec::alias, IdentityProviderSpec::origin, KIND, problems);
    }

    public Map<String, Object> schema(FieldCatalog catalog) {
      Map<String, Object> idp =
          SpecSchema.object(catalog, KIND, List.of("alias", "providerId"), false);
      SpecSchema.properties(idp)
          .put(
              "config", Map.of("type", "object", "additionalProperties", Map.of("type", "string")));
      return SpecSchema.arrayOf(idp);
    }
  }

  /** The config as Keycloak sends it: every value a string. */
  public Map<String, Object> config() {
    return fields.get("config") instanceof Map<?, ?> config
        ? new LinkedHashMap<>(SpecReader.strings(config))
        : Map.of();
  }
}
