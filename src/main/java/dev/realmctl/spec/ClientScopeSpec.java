package dev.realmctl.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A client scope (a realm's {@code clientScopes} entry), named by its name. */
public record ClientScopeSpec(
    String name,
    Map<String, Object> fields,
    Optional<List<ProtocolMapperSpec>> protocolMappers,
    Origin origin) {

  public static final SpecKind KIND = new SpecKind("client scope", "ClientScopeRepresentation");

  public static final SpecSection<ClientScopeSpec> SECTION = new Section();

  private static final Set<String> OWN_FIELDS = Set.of("name", ProtocolMapperSpec.FIELD);
  private static final String DEFINITION = "clientScope";

  private static final class Section implements SpecSection<ClientScopeSpec> {
    public String field() {
      return "clientScopes";
    }

    public List<ClientScopeSpec> read(SpecReader reader, Object value, Origin origin) {
      List<ClientScopeSpec> result = new ArrayList<>();
      for (SpecReader.Item item : reader.items(value, field(), origin)) {
        Optional<String> name = reader.requiredName(item.map(), "name", item.origin(), KIND);
        Map<String, Object> fields = reader.fields(item.map(), item.origin(), KIND, OWN_FIELDS);
        Optional<List<ProtocolMapperSpec>> mappers = ProtocolMapperSpec.read(reader, item);
        name.ifPresent(n -> result.add(new ClientScopeSpec(n, fields, mappers, item.origin())));
      }
      return result;
    }

    @Override
    public void check(RealmSpec spec, Problems problems) {
      Unique.names(spec.of(this), ClientScopeSpec::name, ClientScopeSpec::origin, KIND, problems);
      spec.of(this).forEach(scope -> ProtocolMapperSpec.unique(scope.protocolMappers(), problems));
    }

    public Map<String, Object> schema(FieldCatalog catalog) {
      return SpecSchema.arrayOf(SpecSchema.ref(DEFINITION));
    }

    @Override
    public Map<String, Object> definitions(FieldCatalog catalog) {
      Map<String, Object> scope = SpecSchema.object(catalog, KIND, List.of("name"), false);
      SpecSchema.properties(scope)
          .put(ProtocolMapperSpec.FIELD, ProtocolMapperSpec.schemaProperty());
      Map<String, Object> definitions =
          new LinkedHashMap<>(ProtocolMapperSpec.definitions(catalog));
      definitions.put(DEFINITION, scope);
      return definitions;
    }
  }
}
