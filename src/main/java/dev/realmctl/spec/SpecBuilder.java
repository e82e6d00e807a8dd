package dev.realmctl.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns one parsed document into a {@link RealmSpec}, checking names and types against Keycloak's
 * representations. Every problem is collected; nothing here talks to a server.
 */
final class SpecBuilder {
  private static final Set<String> IGNORED = Set.of("id", "containerId");
  private static final Set<String> REALM_COLLECTIONS =
      Set.of(
          "clients",
          "clientScopes",
          "roles",
          "groups",
          "users",
          "scopeMappings",
          "clientScopeMappings");
  private static final Set<String> CLIENT_SPECIALS =
      Set.of(
          "clientId", "protocolMappers", "defaultClientScopes", "optionalClientScopes", "secret");
  private static final Set<String> SCOPE_SPECIALS = Set.of("name", "protocolMappers");
  private static final Set<String> USER_SPECIALS =
      Set.of(
          "username",
          "credentials",
          "realmRoles",
          "clientRoles",
          "groups",
          "serviceAccountClientId");
  private static final Set<String> GROUP_SPECIALS = Set.of("name", "realmRoles", "clientRoles");
  private static final Set<String> SCOPE_MAPPING_KEYS = Set.of("client", "clientScope", "roles");
  private static final Set<String> PROFILE_FIELDS = Set.of("email", "firstName", "lastName");

  private final FieldCatalog catalog;
  private final Problems problems;

  SpecBuilder(FieldCatalog catalog, Problems problems) {
    this.catalog = catalog;
    this.problems = problems;
  }

  Optional<RealmSpec> build(YamlDocument document) {
    Origin origin = document.origin();
    if (!(document.root() instanceof Map<?, ?> root)) {
      problems.error(origin.location(), "a realm document must be a mapping with a 'realm' key");
      return Optional.empty();
    }
    Map<String, Object> map = strings(root);
    Optional<String> name = requiredName(map, "realm", origin, SpecKind.REALM);
    Map<String, Object> settings =
        fields(map, origin, SpecKind.REALM, union(REALM_COLLECTIONS, Set.of("realm")));
    for (var entry : List.copyOf(settings.entrySet())) {
      if (entry.getValue() instanceof List<?> list
          && !list.stream().allMatch(SpecBuilder::isScalar)) {
        problems.error(
            origin.at(entry.getKey()),
            "realm field '" + entry.getKey() + "' is not managed by realmctl yet");
        settings.remove(entry.getKey());
      }
    }
    List<ClientScopeSpec> scopes =
        list(map, "clientScopes", origin).stream()
            .map(this::clientScope)
            .flatMap(Optional::stream)
            .toList();
    List<ClientSpec> clients =
        list(map, "clients", origin).stream().map(this::client).flatMap(Optional::stream).toList();
    List<RoleSpec> roles = roles(map, origin);
    List<GroupSpec> groups =
        list(map, "groups", origin).stream().map(this::group).flatMap(Optional::stream).toList();
    List<UserSpec> users =
        list(map, "users", origin).stream().map(this::user).flatMap(Optional::stream).toList();
    List<ScopeMappingSpec> scopeMappings = new ArrayList<>();
    list(map, "scopeMappings", origin)
        .forEach(item -> scopeMapping(item, Optional.empty()).ifPresent(scopeMappings::add));
    Object clientScopeMappings = map.get("clientScopeMappings");
    if (clientScopeMappings instanceof Map<?, ?> byClient) {
      Map<String, Object> byRoleClient = strings(byClient);
      Origin clientScopeOrigin = origin.child("clientScopeMappings");
      for (String roleClient : byRoleClient.keySet()) {
        list(byRoleClient, roleClient, clientScopeOrigin)
            .forEach(
                item -> scopeMapping(item, Optional.of(roleClient)).ifPresent(scopeMappings::add));
      }
    } else if (clientScopeMappings != null) {
      problems.error(
          origin.valueAt("clientScopeMappings"),
          "'clientScopeMappings' must map client ids to lists of scope mappings");
    }
    if (name.isEmpty()) {
      return Optional.empty();
    }
    RealmSpec spec =
        new RealmSpec(
            name.get(), settings, scopes, clients, roles, groups, users, scopeMappings, origin);
    new SpecConsistency(problems).check(spec);
    return Optional.of(spec);
  }

  private record Item(Map<String, Object> map, Origin origin) {}

  private List<Item> list(Map<String, Object> parent, String key, Origin parentOrigin) {
    Object value = parent.get(key);
    if (value == null) {
      return List.of();
    }
    Origin origin = parentOrigin.child(key);
    if (!(value instanceof List<?> items)) {
      problems.error(origin.location(), "'" + key + "' must be a list");
      return List.of();
    }
    List<Item> result = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Origin itemOrigin = origin.child(i);
      if (items.get(i) instanceof Map<?, ?> itemMap) {
        result.add(new Item(strings(itemMap), itemOrigin));
      } else {
        problems.error(itemOrigin.location(), "each entry of '" + key + "' must be a mapping");
      }
    }
    return result;
  }

  private Optional<ClientScopeSpec> clientScope(Item item) {
    Optional<String> name = requiredName(item.map, "name", item.origin, SpecKind.CLIENT_SCOPE);
    Map<String, Object> fields =
        fields(item.map, item.origin, SpecKind.CLIENT_SCOPE, SCOPE_SPECIALS);
    Optional<List<ProtocolMapperSpec>> mappers = mappers(item);
    return name.map(n -> new ClientScopeSpec(n, fields, mappers, item.origin));
  }

  private Optional<ClientSpec> client(Item item) {
    Optional<String> clientId = requiredName(item.map, "clientId", item.origin, SpecKind.CLIENT);
    Map<String, Object> fields = fields(item.map, item.origin, SpecKind.CLIENT, CLIENT_SPECIALS);
    Object secret = item.map.get("secret");
    if (secret != null) {
      if (secret instanceof String text) {
        fields.put("secret", new Sensitive(text));
      } else {
        problems.error(item.origin.at("secret"), "'secret' must be a string");
      }
    }
    Optional<List<ProtocolMapperSpec>> mappers = mappers(item);
    Optional<Set<String>> defaults = stringSet(item.map, "defaultClientScopes", item.origin);
    Optional<Set<String>> optionals = stringSet(item.map, "optionalClientScopes", item.origin);
    return clientId.map(
        id -> new ClientSpec(id, fields, mappers, defaults, optionals, item.origin));
  }

  private Optional<List<ProtocolMapperSpec>> mappers(Item owner) {
    if (!owner.map.containsKey("protocolMappers")) {
      return Optional.empty();
    }
    List<ProtocolMapperSpec> mappers = new ArrayList<>();
    for (Item item : list(owner.map, "protocolMappers", owner.origin)) {
      Optional<String> name = requiredName(item.map, "name", item.origin, SpecKind.PROTOCOL_MAPPER);
      Map<String, Object> fields =
          fields(item.map, item.origin, SpecKind.PROTOCOL_MAPPER, Set.of("name"));
      if (!fields.containsKey("protocolMapper")) {
        problems.error(
            item.origin.location(),
            "protocol mapper needs 'protocolMapper' (e.g. oidc-audience-mapper)");
      }
      fields.putIfAbsent("protocol", "openid-connect");
      name.ifPresent(n -> mappers.add(new ProtocolMapperSpec(n, fields, item.origin)));
    }
    return Optional.of(mappers);
  }

  private List<RoleSpec> roles(Map<String, Object> realm, Origin realmOrigin) {
    Object value = realm.get("roles");
    if (value == null) {
      return List.of();
    }
    Origin origin = realmOrigin.child("roles");
    if (!(value instanceof Map<?, ?> rolesMap)) {
      problems.error(origin.location(), "'roles' must be a mapping with 'realm' and/or 'client'");
      return List.of();
    }
    Map<String, Object> roles = strings(rolesMap);
    for (String key : roles.keySet()) {
      if (!key.equals("realm") && !key.equals("client")) {
        problems.error(
            origin.at(key), "unknown key '" + key + "' under roles: expected 'realm' or 'client'");
      }
    }
    List<RoleSpec> result = new ArrayList<>();
    for (Item item : list(roles, "realm", origin)) {
      role(item, Optional.empty()).ifPresent(result::add);
    }
    Object clientRoles = roles.get("client");
    if (clientRoles instanceof Map<?, ?> byClient) {
      Origin clientOrigin = origin.child("client");
      for (String clientId : strings(byClient).keySet()) {
        for (Item item : list(strings(byClient), clientId, clientOrigin)) {
          role(item, Optional.of(clientId)).ifPresent(result::add);
        }
      }
    } else if (clientRoles != null) {
      problems.error(origin.at("client"), "'roles.client' must map client ids to lists of roles");
    }
    return result;
  }

  private Optional<RoleSpec> role(Item item, Optional<String> clientId) {
    Optional<String> name = requiredName(item.map, "name", item.origin, SpecKind.ROLE);
    Map<String, Object> fields =
        fields(item.map, item.origin, SpecKind.ROLE, Set.of("name", "clientRole", "composite"));
    return name.map(n -> new RoleSpec(n, clientId, fields, item.origin));
  }

  private Optional<GroupSpec> group(Item item) {
    Optional<String> name = requiredName(item.map, "name", item.origin, SpecKind.GROUP);
    if (item.map.containsKey("subGroups")) {
      problems.error(item.origin.at("subGroups"), "subGroups are not managed by realmctl yet");
    }
    Map<String, Object> fields =
        fields(
            item.map,
            item.origin,
            SpecKind.GROUP,
            union(GROUP_SPECIALS, Set.of("subGroups", "path")));
    var realmRoles = stringSet(item.map, "realmRoles", item.origin);
    var clientRoles = clientRoleMap(item.map, item.origin);
    return name.map(n -> new GroupSpec(n, fields, realmRoles, clientRoles, item.origin));
  }

  private Optional<ScopeMappingSpec> scopeMapping(Item item, Optional<String> roleClient) {
    for (String key : item.map.keySet()) {
      if (!SCOPE_MAPPING_KEYS.contains(key)) {
        String hint =
            Suggestions.closest(key, SCOPE_MAPPING_KEYS)
                .map(s -> ": did you mean '" + s + "'?")
                .orElse("");
        problems.error(item.origin.at(key), "unknown scope mapping field '" + key + "'" + hint);
      }
    }
    Optional<String> client = optionalName(item, "client");
    Optional<String> clientScope = optionalName(item, "clientScope");
    if (client.isPresent() == clientScope.isPresent()) {
      problems.error(
          item.origin.location(), "a scope mapping names either a 'client' or a 'clientScope'");
      return Optional.empty();
    }
    if (!item.map.containsKey("roles")) {
      problems.error(item.origin.location(), "a scope mapping needs 'roles' (realm role names)");
      return Optional.empty();
    }
    return stringSet(item.map, "roles", item.origin)
        .map(roles -> new ScopeMappingSpec(client, clientScope, roleClient, roles, item.origin));
  }

  private Optional<String> optionalName(Item item, String key) {
    Object value = item.map.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof String name && !name.isBlank()) {
      return Optional.of(name);
    }
    problems.error(item.origin.valueAt(key), "'" + key + "' must be a non-empty string");
    return Optional.empty();
  }

  private Optional<UserSpec> user(Item item) {
    Optional<String> serviceAccountOf = Optional.empty();
    if (item.map.get("serviceAccountClientId") instanceof String clientId) {
      serviceAccountOf = Optional.of(clientId);
    }
    Optional<String> username =
        serviceAccountOf.isPresent() && !item.map.containsKey("username")
            ? serviceAccountOf.map(id -> "service-account-" + id.toLowerCase())
            : requiredName(item.map, "username", item.origin, SpecKind.USER);
    Map<String, Object> fields = fields(item.map, item.origin, SpecKind.USER, USER_SPECIALS);
    if (serviceAccountOf.isPresent() && !fields.isEmpty()) {
      problems.error(
          item.origin.location(),
          "a service-account user takes only realmRoles, clientRoles and groups; its other fields belong to Keycloak");
    }
    Optional<Sensitive> password = Optional.empty();
    boolean temporary = false;
    for (Item credential : list(item.map, "credentials", item.origin)) {
      fields(credential.map, credential.origin, SpecKind.CREDENTIAL, Set.of());
      Object type = credential.map.getOrDefault("type", "password");
      if (!"password".equals(type)) {
        problems.error(
            credential.origin.at("type"), "only credentials of type 'password' are supported");
        continue;
      }
      if (credential.map.get("value") instanceof String value) {
        password = Optional.of(new Sensitive(value));
      } else {
        problems.error(
            credential.origin.location(), "a password credential needs a string 'value'");
      }
      temporary = Boolean.TRUE.equals(credential.map.get("temporary"));
    }
    var realmRoles = stringSet(item.map, "realmRoles", item.origin);
    var clientRoles = clientRoleMap(item.map, item.origin);
    var groups = stringSet(item.map, "groups", item.origin);
    if (serviceAccountOf.isEmpty() && password.isPresent()) {
      warnAboutPasswordGrant(item, fields, temporary);
    }
    final Optional<Sensitive> initialPassword = password;
    final boolean isTemporary = temporary;
    final Optional<String> serviceAccount = serviceAccountOf;
    return username.map(
        name ->
            new UserSpec(
                name,
                fields,
                initialPassword,
                isTemporary,
                realmRoles,
                clientRoles,
                groups,
                serviceAccount,
                item.origin));
  }

  private void warnAboutPasswordGrant(Item item, Map<String, Object> fields, boolean temporary) {
    Set<String> missing = new TreeSet<>(PROFILE_FIELDS);
    missing.removeAll(fields.keySet());
    if (!missing.isEmpty()) {
      problems.warning(
          item.origin.location(),
          "user has no "
              + String.join(", ", missing)
              + ": under Keycloak's default user profile the password grant answers"
              + " invalid_grant \"Account is not fully set up\"");
    }
    if (temporary) {
      problems.warning(
          item.origin.location(),
          "temporary password: the user must change it in a browser before the password grant works");
    }
  }

  private Optional<Map<String, Set<String>>> clientRoleMap(Map<String, Object> map, Origin origin) {
    Object value = map.get("clientRoles");
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof Map<?, ?> byClient)) {
      problems.error(
          origin.at("clientRoles"), "'clientRoles' must map client ids to lists of role names");
      return Optional.empty();
    }
    Map<String, Set<String>> result = new LinkedHashMap<>();
    Origin clientRolesOrigin = origin.child("clientRoles");
    for (var entry : strings(byClient).entrySet()) {
      stringSet(strings(byClient), entry.getKey(), clientRolesOrigin)
          .ifPresent(roles -> result.put(entry.getKey(), roles));
    }
    return Optional.of(result);
  }

  private Optional<Set<String>> stringSet(Map<String, Object> map, String key, Origin origin) {
    if (!map.containsKey(key)) {
      return Optional.empty();
    }
    Object value = map.get(key);
    if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
      problems.error(origin.at(key), "'" + key + "' must be a list of strings");
      return Optional.empty();
    }
    Set<String> result = new LinkedHashSet<>();
    for (int i = 0; i < list.size(); i++) {
      if (!result.add((String) list.get(i))) {
        problems.error(
            origin.child(key).child(i).location(),
            "'" + list.get(i) + "' is listed twice in '" + key + "'");
      }
    }
    return Optional.of(result);
  }

  private Optional<String> requiredName(
      Map<String, Object> map, String key, Origin origin, SpecKind kind) {
    Object value = map.get(key);
    if (value instanceof String name && !name.isBlank()) {
      return Optional.of(name);
    }
    problems.error(
        value == null ? origin.location() : origin.at(key),
        kind.label() + " needs a non-empty '" + key + "'");
    return Optional.empty();
  }

  /**
   * The declared plain fields of an element, checked against the representation: unknown names
   * (with a suggestion) and wrong types are errors.
   */
  private Map<String, Object> fields(
      Map<String, Object> map, Origin origin, SpecKind kind, Set<String> handledElsewhere) {
    Map<String, FieldType> known = catalog.fields(kind);
    Map<String, Object> fields = new LinkedHashMap<>();
    for (var entry : map.entrySet()) {
      String key = entry.getKey();
      if (handledElsewhere.contains(key) || IGNORED.contains(key)) {
        continue;
      }
      FieldType type = known.get(key);
      if (type == null) {
        Set<String> candidates = new TreeSet<>(known.keySet());
        candidates.addAll(handledElsewhere);
        String hint =
            Suggestions.closest(key, candidates).map(s -> ": did you mean '" + s + "'?").orElse("");
        problems.error(origin.at(key), "unknown " + kind.label() + " field '" + key + "'" + hint);
        continue;
      }
      Object value = entry.getValue();
      if (type == FieldType.BOOLEAN && ("true".equals(value) || "false".equals(value))) {
        problems.warning(
            origin.valueAt(key),
            "'"
                + key
                + "' is the string \""
                + value
                + "\"; Keycloak's import reads it as "
                + value
                + ": write "
                + value
                + " without quotes");
        value = Boolean.valueOf((String) value);
      }
      if (value != null && !type.accepts(value)) {
        problems.error(
            origin.valueAt(key),
            "'" + key + "' must be " + type.describe() + ", not " + describeValue(value));
        continue;
      }
      fields.put(key, value);
    }
    return fields;
  }

  private static String describeValue(Object value) {
    if (value instanceof List<?>) {
      return "a list";
    }
    if (value instanceof Map<?, ?>) {
      return "a mapping";
    }
    return "'" + value + "'";
  }

  private static boolean isScalar(Object value) {
    return value instanceof String || value instanceof Number || value instanceof Boolean;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> result = new LinkedHashSet<>(a);
    result.addAll(b);
    return result;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> strings(Map<?, ?> map) {
    Map<String, Object> result = new LinkedHashMap<>();
    for (var entry : map.entrySet()) {
      result.put(String.valueOf(entry.getKey()), entry.getValue());
    }
    return result;
  }
}
