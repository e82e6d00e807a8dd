package dev.realmctl.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A realm role, or a client role when {@code clientId} is present. {@code composites}, when
 * declared, is the exact set of roles it holds.
 */
public record RoleSpec(
    String name,
    Optional<String> clientId,
    Map<String, Object> fields,
    Optional<Composites> composites,
    Origin origin) {

  public static final SpecKind KIND = new SpecKind("role", "RoleRepresentation");

  public static final SpecSection<RoleSpec> SECTION = new Section();

  /** The old form of the default role: the realm roles it holds, as a realm field. */
  private static final String DEFAULT_ROLES = "defaultRoles";

  private static final Set<String> OWN_FIELDS =
      Set.of("name", "clientRole", "composite", "composites");
  private static final String DEFINITION = "role";

  /** The roles a composite role holds: realm roles, and client roles by client. */
  public record Composites(Set<String> realm, Map<String, Set<String>> client) {}

  /** How the role is addressed in its realm: {@code name}, or {@code clientId/name}. */
  public String key() {
    return clientId.map(c -> c + "/").orElse("") + name;
  }

  /**
   * Realm roles under {@code roles.realm}, client roles under {@code roles.client.<clientId>}, as
   * exports write them; and the default role an old export declares as {@code defaultRoles}.
   */
  private static final class Section implements SpecSection<RoleSpec> {
    public String field() {
      return "roles";
    }

    @Override
    public List<String> fields() {
      return List.of(field(), DEFAULT_ROLES);
    }

    public List<RoleSpec> read(SpecReader reader, Object value, Origin origin) {
      if (value == null) {
        return List.of();
      }
      Problems problems = reader.problems();
      if (!(value instanceof Map<?, ?> rolesMap)) {
        problems.error(origin.location(), "'roles' must be a mapping with 'realm' and/or 'client'");
        return List.of();
      }
      Map<String, Object> roles = SpecReader.strings(rolesMap);
      for (String key : roles.keySet()) {
        if (!key.equals("realm") && !key.equals("client")) {
          problems.error(
              origin.at(key),
              "unknown key '" + key + "' under roles: expected 'realm' or 'client'");
        }
      }
      List<RoleSpec> result = new ArrayList<>();
      for (SpecReader.Item item : reader.list(roles, "realm", origin)) {
        role(reader, item, Optional.empty()).ifPresent(result::add);
      }
      Object clientRoles = roles.get("client");
      if (clientRoles instanceof Map<?, ?> byClient) {
        Origin clientOrigin = origin.child("client");
        for (String clientId : SpecReader.strings(byClient).keySet()) {
          for (SpecReader.Item item :
              reader.list(SpecReader.strings(byClient), clientId, clientOrigin)) {
            role(reader, item, Optional.of(clientId)).ifPresent(result::add);
          }
        }
      } else if (clientRoles != null) {
        problems.error(origin.at("client"), "'roles.client' must map client ids to lists of roles");
      }
      return result;
    }

    @Override
    public List<RoleSpec> read(SpecReader reader, Document document) {
      List<RoleSpec> roles =
          new ArrayList<>(read(reader, document.value(field()), document.origin(field())));
      defaultRoles(reader, document, roles);
      return roles;
    }

    /**
     * {@code defaultRoles}, as Keycloak's import still takes it: the composites of the realm's
     * default role, with what Keycloak gives every new realm's.
     */
    private static void defaultRoles(SpecReader reader, Document document, List<RoleSpec> roles) {
      if (!document.fields().containsKey(DEFAULT_ROLES)) {
        return;
      }
      // A realm field in Keycloak's representation: its type is checked as the realm's others are.
      Map<String, Object> declared = new HashMap<>();
      declared.put(DEFAULT_ROLES, document.value(DEFAULT_ROLES));
      Origin origin = document.origin();
      if (!(reader.fields(declared, origin, RealmSpec.KIND, Set.of()).get(DEFAULT_ROLES)
          instanceof List<?> names)) {
        return;
      }
      String defaultRole = "default-roles-" + document.realm().orElse("").toLowerCase();
      Problems problems = reader.problems();
      problems.warning(
          origin.at(DEFAULT_ROLES),
          "'defaultRoles' is the old form of the default role: read as the composites of role '"
              + defaultRole
              + "' (with what Keycloak gives every new realm's); declare that role's composites");
      if (roles.stream().anyMatch(r -> r.clientId().isEmpty() && r.name().equals(defaultRole))) {
        problems.error(
            origin.at(DEFAULT_ROLES),
            "'defaultRoles' and role '" + defaultRole + "' both declare the default role");
        return;
      }
      Set<String> held = new TreeSet<>(Set.of("offline_access", "uma_authorization"));
      names.forEach(n -> held.add(String.valueOf(n)));
      roles.add(
          new RoleSpec(
              defaultRole,
              Optional.empty(),
              Map.of(),
              Optional.of(
                  new Composites(
                      held, Map.of("account", Set.of("view-profile", "manage-account")))),
              document.origin(DEFAULT_ROLES)));
    }

    private static Optional<RoleSpec> role(
        SpecReader reader, SpecReader.Item item, Optional<String> clientId) {
      Optional<String> name = reader.requiredName(item.map(), "name", item.origin(), KIND);
      Map<String, Object> fields = reader.fields(item.map(), item.origin(), KIND, OWN_FIELDS);
      Optional<Composites> composites = composites(reader, item);
      return name.map(n -> new RoleSpec(n, clientId, fields, composites, item.origin()));
    }

    /**
     * A role's {@code composites}, as exports write them: {@code realm} role names and {@code
     * client} role names by client. {@code composite: false} declares none.
     */
    private static Optional<Composites> composites(SpecReader reader, SpecReader.Item item) {
      Object value = item.map().get("composites");
      if (value == null) {
        return Boolean.FALSE.equals(item.map().get("composite"))
            ? Optional.of(new Composites(Set.of(), Map.of()))
            : Optional.empty();
      }
      if (!(value instanceof Map<?, ?> composites)) {
        reader
            .problems()
            .error(
                item.origin().at("composites"),
                "'composites' must be a mapping with 'realm' and/or 'client'");
        return Optional.empty();
      }
      Map<String, Object> map = SpecReader.strings(composites);
      Origin origin = item.origin().child("composites");
      for (String key : map.keySet()) {
        if (!key.equals("realm") && !key.equals("client")) {
          reader
              .problems()
              .error(
                  origin.at(key),
                  "unknown key '" + key + "' under composites: expected 'realm' or 'client'");
        }
      }
      Set<String> realm = reader.stringSet(map, "realm", origin).orElse(Set.of());
      Map<String, Set<String>> client = reader.roleMap(map, "client", origin).orElse(Map.of());
      return Optional.of(new Composites(realm, client));
    }

    @Override
    public void check(RealmSpec spec, Problems problems) {
      Unique.names(spec.of(this), RoleSpec::key, RoleSpec::origin, KIND, problems);
    }

    public Map<String, Object> schema(FieldCatalog catalog) {
      return SpecSchema.closed(
          Map.of(
              "realm",
              SpecSchema.arrayOf(SpecSchema.ref(DEFINITION)),
              "client",
              Map.of(
                  "type",
                  "object",
                  "additionalProperties",
                  SpecSchema.arrayOf(SpecSchema.ref(DEFINITION)))));
    }

    @Override
    public Map<String, Object> definitions(FieldCatalog catalog) {
      return Map.of(DEFINITION, SpecSchema.object(catalog, KIND, List.of("name"), false));
    }
  }
}
