package dev.realmctl.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A client; the scope lists and mappers, when declared, are exact sets. */
public record ClientSpec(
    String clientId,
    Map<String, Object> fields,
    Optional<List<ProtocolMapperSpec>> protocolMappers,
    Optional<Set<String>> defaultClientScopes,
    Optional<Set<String>> optionalClientScopes,
    Origin origin) {

  public static final SpecKind KIND = new SpecKind("client", "ClientRepresentation");

  public static final SpecSection<ClientSpec> SECTION = new Section();

  /** Old exports' names of {@code clients}, whose {@code name} is the clientId. */
  private static final List<String> LEGACY_FIELDS = List.of("applications", "oauthClients");

  private static final Set<String> OWN_FIELDS =
      Set.of(
          "clientId",
          ProtocolMapperSpec.FIELD,
          "defaultClientScopes",
          "optionalClientScopes",
          "secret",
          // A kind of its own: AuthorizationSpec reads it out of 'clients'.
          AuthorizationSpec.FIELD);

  private static final String DEFINITION = "client";

  public boolean serviceAccountsEnabled() {
    return Boolean.TRUE.equals(fields.get("serviceAccountsEnabled"));
  }

  private static final class Section implements SpecSection<ClientSpec> {
    public String field() {
      return "clients";
    }

    @Override
    public List<String> fields() {
      List<String> fields = new ArrayList<>(List.of(field()));
      fields.addAll(LEGACY_FIELDS);
      return fields;
    }

    public List<ClientSpec> read(SpecReader reader, Object value, Origin origin) {
      List<ClientSpec> result = new ArrayList<>();
      reader.items(value, field(), origin).forEach(item -> client(reader, item, result));
      return result;
    }

    @Override
    public List<ClientSpec> read(SpecReader reader, Document document) {
      List<ClientSpec> result =
          new ArrayList<>(read(reader, document.value(field()), document.origin(field())));
      for (String legacy : LEGACY_FIELDS) {
        if (document.fields().containsKey(legacy)) {
          reader
              .problems()
              .warning(
                  document.origin().at(legacy),
                  "'"
                      + legacy
                      + "' is the old name of 'clients' (each 'name' its clientId): read as"
                      + " clients; write 'clients'");
        }
        for (SpecReader.Item item : reader.list(document.fields(), legacy, document.origin())) {
          Map<String, Object> renamed = new LinkedHashMap<>(item.map());
          if (!renamed.containsKey("clientId") && renamed.get("name") != null) {
            renamed.put("clientId", renamed.remove("name"));
          }
          renamed.remove("claims");
          client(reader, new SpecReader.Item(renamed, item.origin()), result);
        }
      }
      return result;
    }

    private static void client(SpecReader reader, SpecReader.Item item, List<ClientSpec> out) {
      Optional<String> clientId = reader.requiredName(item.map(), "clientId", item.origin(), KIND);
      Map<String, Object> fields = reader.fields(item.map(), item.origin(), KIND, OWN_FIELDS);
      if (item.map().get(AuthorizationSpec.FIELD) != null
          && !Boolean.TRUE.equals(fields.get("authorizationServicesEnabled"))
          && !AuthorizationSpec.ADMIN_PERMISSIONS_CLIENT.equals(item.map().get("clientId"))) {
        // Keycloak's import turns authorization services on for a client with settings, whatever
        // 'authorizationServicesEnabled' says, and service accounts with them (measured on
        // 26.7.3); AuthorizationSpec warns.
        fields.put("authorizationServicesEnabled", true);
        fields.putIfAbsent("serviceAccountsEnabled", true);
      }
      if (Boolean.TRUE.equals(fields.get("publicClient")) && item.map().get("secret") != null) {
        // Keycloak keeps no secret for a public client (measured on 26.7.3: it reads back null).
        reader
            .problems()
            .warning(
                item.origin().at("secret"),
                "Keycloak does not keep the 'secret' of a public client: ignored");
      } else {
        reader
            .sensitive(item.map(), "secret", item.origin())
            .ifPresent(secret -> fields.put("secret", secret));
      }
      Optional<List<ProtocolMapperSpec>> mappers = ProtocolMapperSpec.read(reader, item);
      Optional<Set<String>> defaults =
          reader.stringSet(item.map(), "defaultClientScopes", item.origin());
      Optional<Set<String>> optionals =
          reader.stringSet(item.map(), "optionalClientScopes", item.origin());
      clientId.ifPresent(
          id -> out.add(new ClientSpec(id, fields, mappers, defaults, optionals, item.origin())));
    }

    @Override
    public void check(RealmSpec spec, Problems problems) {
      Unique.names(spec.of(this), ClientSpec::clientId, ClientSpec::origin, KIND, problems);
      spec.of(this)
          .forEach(client -> ProtocolMapperSpec.unique(client.protocolMappers(), problems));
    }

    public Map<String, Object> schema(FieldCatalog catalog) {
      return SpecSchema.arrayOf(SpecSchema.ref(DEFINITION));
    }

    @Override
    public Map<String, Object> definitions(FieldCatalog catalog) {
      Map<String, Object> client = SpecSchema.object(catalog, KIND, List.of("clientId"), false);
      Map<String, Object> properties = SpecSchema.properties(client);
      properties.put(ProtocolMapperSpec.FIELD, ProtocolMapperSpec.schemaProperty());
      properties.put("defaultClientScopes", SpecSchema.STRINGS);
      properties.put("optionalClientScopes", SpecSchema.STRINGS);
      properties.put(AuthorizationSpec.FIELD, AuthorizationSpec.schema(catalog));
      Map<String, Object> definitions =
          new LinkedHashMap<>(ProtocolMapperSpec.definitions(catalog));
      definitions.put(DEFINITION, client);
      return definitions;
    }
  }
}
