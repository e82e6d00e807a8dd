package dev.realmctl.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Roles a client, or a client scope, may put into tokens: its role scope, as a realm export writes
 * it: realm roles under {@code scopeMappings}, the roles of client {@code roleClient} under {@code
 * clientScopeMappings.<roleClient>}. Exactly one of {@code client} and {@code clientScope} is
 * present; the roles are the exact set.
 */
public record ScopeMappingSpec(
    Optional<String> client,
    Optional<String> clientScope,
    Optional<String> roleClient,
    Set<String> roles,
    Origin origin) {

  public static final SpecSection<ScopeMappingSpec> SECTION = new Section();

  private static final String CLIENT_SCOPE_MAPPINGS = "clientScopeMappings";
  private static final Set<String> KEYS = Set.of("client", "clientScope", "roles");

  /** Not a representation of Keycloak's: the label names the mapping by what it maps. */
  private static final SpecKind KIND = new SpecKind("scope mapping of", "");

  private static final String DEFINITION = "scopeMapping";

  /** How the mapping is told apart from the realm's others: whose roles, to what. */
  private String key() {
    return roleClient.map(c -> "roles of " + c + " to ").orElse("")
        + client
            .map(c -> "client " + c)
            .orElseGet(() -> "client scope " + clientScope.orElseThrow());
  }

  private static final class Section implements SpecSection<ScopeMappingSpec> {
    public String field() {
      return "scopeMappings";
    }

    @Override
    public List<String> fields() {
      return List.of(field(), CLIENT_SCOPE_MAPPINGS);
    }

    public List<ScopeMappingSpec> read(SpecReader reader, Object value, Origin origin) {
      List<ScopeMappingSpec> result = new ArrayList<>();
      reader
          .items(value, field(), origin)
          .forEach(item -> scopeMapping(reader, item, Optional.empty()).ifPresent(result::add));
      return result;
    }

    @Override
    public List<ScopeMappingSpec> read(SpecReader reader, Document document) {
      List<ScopeMappingSpec> result =
          new ArrayList<>(read(reader, document.value(field()), document.origin(field())));
      Object clientScopeMappings = document.value(CLIENT_SCOPE_MAPPINGS);
      if (clientScopeMappings instanceof Map<?, ?> byClient) {
        Map<String, Object> byRoleClient = SpecReader.strings(byClient);
        Origin origin = document.origin(CLIENT_SCOPE_MAPPINGS);
        for (String roleClient : byRoleClient.keySet()) {
          reader
              .list(byRoleClient, roleClient, origin)
              .forEach(
                  item ->
                      scopeMapping(reader, item, Optional.of(roleClient)).ifPresent(result::add));
        }
      } else if (clientScopeMappings != null) {
        reader
            .problems()
            .error(
                document.origin().valueAt(CLIENT_SCOPE_MAPPINGS),
                "'clientScopeMappings' must map client ids to lists of scope mappings");
      }
      return result;
    }

    private static Optional<ScopeMappingSpec> scopeMapping(
        SpecReader reader, SpecReader.Item item, Optional<String> roleClient) {
      Problems problems = reader.problems();
      for (String key : item.map().keySet()) {
        if (!KEYS.contains(key)) {
          String hint =
              Suggestions.closest(key, KEYS).map(s -> ": did you mean '" + s + "'?").orElse("");
          problems.error(item.origin().at(key), "unknown scope mapping field '" + key + "'" + hint);
        }
      }
      Optional<String> client = reader.optionalName(item, "client");
      Optional<String> clientScope = reader.optionalName(item, "clientScope");
      if (client.isPresent() == clientScope.isPresent()) {
        problems.error(
            item.origin().location(), "a scope mapping names either a 'client' or a 'clientScope'");
        return Optional.empty();
      }
      if (!item.map().containsKey("roles")) {
        problems.error(
            item.origin().location(), "a scope mapping needs 'roles' (realm role names)");
        return Optional.empty();
      }
      return reader
          .stringSet(item.map(), "roles", item.origin())
          .map(
              roles -> new ScopeMappingSpec(client, clientScope, roleClient, roles, item.origin()));
    }

    @Override
    public void check(RealmSpec spec, Problems problems) {
      Unique.names(spec.of(this), ScopeMappingSpec::key, ScopeMappingSpec::origin, KIND, problems);
    }

    public Map<String, Object> schema(FieldCatalog catalog) {
      return SpecSchema.arrayOf(SpecSchema.ref(DEFINITION));
    }

    @Override
    public Map<String, Object> schemas(FieldCatalog catalog) {
      Map<String, Object> schemas = new LinkedHashMap<>();
      schemas.put(field(), schema(catalog));
      schemas.put(
          CLIENT_SCOPE_MAPPINGS,
          Map.of(
              "type",
              "object",
              "additionalProperties",
              SpecSchema.arrayOf(SpecSchema.ref(DEFINITION))));
      return schemas;
    }

    @Override
    public Map<String, Object> definitions(FieldCatalog catalog) {
      Map<String, Object> mapping =
          new LinkedHashMap<>(
              SpecSchema.closed(
                  Map.of(
                      "client",
                      SpecSchema.STRING,
                      "clientScope",
                      SpecSchema.STRING,
                      "roles",
                      SpecSchema.STRINGS)));
      mapping.put("required", List.of("roles"));
      mapping.put(
          "oneOf",
          List.of(
              Map.of("required", List.of("client")), Map.of("required", List.of("clientScope"))));
      return Map.of(DEFINITION, mapping);
    }
  }
}
