package dev.realmctl.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A protocol mapper of a client or of a client scope: both read and describe it the same way. */
public record ProtocolMapperSpec(String name, Map<String, Object> fields, Origin origin) {

  public static final SpecKind KIND =
      new SpecKind("protocol mapper", "ProtocolMapperRepresentation");

  static final String FIELD = "protocolMappers";
  static final String DEFINITION = "protocolMapper";

  /** The owner's mappers, when it declares them: then they are its exact set. */
  static Optional<List<ProtocolMapperSpec>> read(SpecReader reader, SpecReader.Item owner) {
    if (!owner.map().containsKey(FIELD)) {
      return Optional.empty();
    }
    List<ProtocolMapperSpec> mappers = new ArrayList<>();
    for (SpecReader.Item item : reader.list(owner.map(), FIELD, owner.origin())) {
      Optional<String> name = reader.requiredName(item.map(), "name", item.origin(), KIND);
      Map<String, Object> fields = reader.fields(item.map(), item.origin(), KIND, Set.of("name"));
      if (!fields.containsKey("protocolMapper")) {
        reader
            .problems()
            .error(
                item.origin().location(),
                "protocol mapper needs 'protocolMapper' (e.g. oidc-audience-mapper)");
      }
      fields.putIfAbsent("protocol", "openid-connect");
      name.ifPresent(n -> mappers.add(new ProtocolMapperSpec(n, fields, item.origin())));
    }
    return Optional.of(mappers);
  }

  static void unique(Optional<List<ProtocolMapperSpec>> mappers, Problems problems) {
    mappers.ifPresent(
        list ->
            Unique.names(
                list, ProtocolMapperSpec::name, ProtocolMapperSpec::origin, KIND, problems));
  }

  static Map<String, Object> schemaProperty() {
    return SpecSchema.arrayOf(SpecSchema.ref(DEFINITION));
  }

  static Map<String, Object> definitions(FieldCatalog catalog) {
    return Map.of(
        DEFINITION, SpecSchema.object(catalog, KIND, List.of("name", "protocolMapper"), false));
  }
}
