package dev.realmctl.spec;

import dev.realmctl.spec.SpecReader.Item;
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
  /** What Keycloak writes on a client's service-account user of its own accord. */
  private static final Set<String> SERVICE_ACCOUNT_OWN =
      Set.of("enabled", "emailVerified", "requiredActions");

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

  private final SpecReader reader;
  private final Problems problems;

  SpecBuilder(FieldCatalog catalog, Problems problems) {
    this.reader = new SpecReader(catalog, problems);
    this.problems = problems;
  }

  Optional<RealmSpec> build(YamlDocument document) {
    Origin origin = document.origin();
    if (!(document.root() instanceof Map<?, ?> root)) {
      problems.error(origin.location(), "a realm document must be a mapping with a 'realm' key");
      return Optional.empty();
    }
    Map<String, Object> map = SpecReader.strings(root);
    Optional<String> name = reader.requiredName(map, "realm", origin, SpecKind.REALM);
    Set<String> collections = new LinkedHashSet<>(REALM_COLLECTIONS);
    Sections.ALL.forEach(section -> collections.add(section.field()));
    collections.add("realm");
    Map<String, Object> settings = reader.fields(map, origin, SpecKind.REALM, collections);
    for (var entry : List.copyOf(settings.entrySet())) {
      if (entry.getValue() instanceof List<?> list
          && !list.stream().allMatch(SpecReader::isScalar)) {
        problems.error(
            origin.at(entry.getKey()),
            "realm field '" + entry.getKey() + "' is not managed by realmctl yet");
        settings.remove(entry.getKey());
      }
    }
    List<ClientScopeSpec> scopes =
        reader.list(map, "clientScopes", origin).stream()
            .map(this::clientScope)
            .flatMap(Optional::stream)
            .toList();
    List<ClientSpec> clients =
        reader.list(map, "clients", origin).stream()
            .map(this::client)
            .flatMap(Optional::stream)
            .toList();
    List<RoleSpec> roles = roles(map, origin);
    List<GroupSpec> groups = new ArrayList<>();
    reader.list(map, "groups", origin).forEach(item -> group(item, Optional.empty(), groups));
    List<UserSpec> users =
        reader.list(map, "users", origin).stream()
            .map(this::user)
            .flatMap(Optional::stream)
            .toList();
    List<ScopeMappingSpec> scopeMappings = new ArrayList<>();
    reader
        .list(map, "scopeMappings", origin)
        .forEach(item -> scopeMapping(item, Optional.empty()).ifPresent(scopeMappings::add));
    Object clientScopeMappings = map.get("clientScopeMappings");
    if (clientScopeMappings instanceof Map<?, ?> byClient) {
      Map<String, Object> byRoleClient = SpecReader.strings(byClient);
      Origin clientScopeOrigin = origin.child("clientScopeMappings");
      for (String roleClient : byRoleClient.keySet()) {
        reader
            .list(byRoleClient, roleClient, clientScopeOrigin)
            .forEach(
                item -> scopeMapping(item, Optional.of(roleClient)).ifPresent(scopeMappings::add));
      }
    } else if (clientScopeMappings != null) {
      problems.error(
          origin.valueAt("clientScopeMappings"),
          "'clientScopeMappings' must map client ids to lists of scope mappings");
    }
    Map<String, List<?>> sections = new LinkedHashMap<>();
    for (SpecSection<?> section : Sections.ALL) {
      if (map.containsKey(section.field())) {
        sections.put(
            section.field(),
            section.read(reader, map.get(section.field()), origin.child(section.field())));
      }
    }
    if (name.isEmpty()) {
      return Optional.empty();
    }
    RealmSpec spec =
        new RealmSpec(
            name.get(),
            settings,
            scopes,
            clients,
            roles,
            groups,
            users,
            scopeMappings,
            sections,
            origin);
    new SpecConsistency(problems).check(spec);
    Sections.ALL.forEach(section -> section.check(spec, problems));
    return Optional.of(spec);
  }

  private Optional<ClientScopeSpec> clientScope(Item item) {
    Optional<String> name =
        reader.requiredName(item.map(), "name", item.origin(), SpecKind.CLIENT_SCOPE);
    Map<String, Object> fields =
        reader.fields(item.map(), item.origin(), SpecKind.CLIENT_SCOPE, SCOPE_SPECIALS);
    Optional<List<ProtocolMapperSpec>> mappers = mappers(item);
    return name.map(n -> new ClientScopeSpec(n, fields, mappers, item.origin()));
  }

  private Optional<ClientSpec> client(Item item) {
    Optional<String> clientId =
        reader.requiredName(item.map(), "clientId", item.origin(), SpecKind.CLIENT);
    Map<String, Object> fields =
        reader.fields(item.map(), item.origin(), SpecKind.CLIENT, CLIENT_SPECIALS);
    Object secret = item.map().get("secret");
    if (secret != null) {
      if (secret instanceof String text) {
        fields.put("secret", new Sensitive(text));
      } else {
        problems.error(item.origin().at("secret"), "'secret' must be a string");
      }
    }
    Optional<List<ProtocolMapperSpec>> mappers = mappers(item);
    Optional<Set<String>> defaults =
        reader.stringSet(item.map(), "defaultClientScopes", item.origin());
    Optional<Set<String>> optionals =
        reader.stringSet(item.map(), "optionalClientScopes", item.origin());
    return clientId.map(
        id -> new ClientSpec(id, fields, mappers, defaults, optionals, item.origin()));
  }

  private Optional<List<ProtocolMapperSpec>> mappers(Item owner) {
    if (!owner.map().containsKey("protocolMappers")) {
      return Optional.empty();
    }
    List<ProtocolMapperSpec> mappers = new ArrayList<>();
    for (Item item : reader.list(owner.map(), "protocolMappers", owner.origin())) {
      Optional<String> name =
          reader.requiredName(item.map(), "name", item.origin(), SpecKind.PROTOCOL_MAPPER);
      Map<String, Object> fields =
          reader.fields(item.map(), item.origin(), SpecKind.PROTOCOL_MAPPER, Set.of("name"));
      if (!fields.containsKey("protocolMapper")) {
        problems.error(
            item.origin().location(),
            "protocol mapper needs 'protocolMapper' (e.g. oidc-audience-mapper)");
      }
      fields.putIfAbsent("protocol", "openid-connect");
      name.ifPresent(n -> mappers.add(new ProtocolMapperSpec(n, fields, item.origin())));
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
    Map<String, Object> roles = SpecReader.strings(rolesMap);
    for (String key : roles.keySet()) {
      if (!key.equals("realm") && !key.equals("client")) {
        problems.error(
            origin.at(key), "unknown key '" + key + "' under roles: expected 'realm' or 'client'");
      }
    }
    List<RoleSpec> result = new ArrayList<>();
    for (Item item : reader.list(roles, "realm", origin)) {
      role(item, Optional.empty()).ifPresent(result::add);
    }
    Object clientRoles = roles.get("client");
    if (clientRoles instanceof Map<?, ?> byClient) {
      Origin clientOrigin = origin.child("client");
      for (String clientId : SpecReader.strings(byClient).keySet()) {
        for (Item item : reader.list(SpecReader.strings(byClient), clientId, clientOrigin)) {
          role(item, Optional.of(clientId)).ifPresent(result::add);
        }
      }
    } else if (clientRoles != null) {
      problems.error(origin.at("client"), "'roles.client' must map client ids to lists of roles");
    }
    return result;
  }

  private Optional<RoleSpec> role(Item item, Optional<String> clientId) {
    Optional<String> name = reader.requiredName(item.map(), "name", item.origin(), SpecKind.ROLE);
    if (item.map().get("composites") instanceof Map<?, ?> composites && !composites.isEmpty()) {
      problems.error(
          item.origin().at("composites"), "composite roles are not managed by realmctl yet");
    }
    Map<String, Object> fields =
        reader.fields(
            item.map(),
            item.origin(),
            SpecKind.ROLE,
            Set.of("name", "clientRole", "composite", "composites"));
    return name.map(n -> new RoleSpec(n, clientId, fields, item.origin()));
  }

  /** A group and, after it, its sub-groups at any depth, as Keycloak's export nests them. */
  private void group(Item item, Optional<String> parent, List<GroupSpec> out) {
    Optional<String> name = reader.requiredName(item.map(), "name", item.origin(), SpecKind.GROUP);
    if (name.isPresent() && name.get().contains("/")) {
      // A slash would make the path ambiguous: Keycloak escapes it, and versions differ in how.
      problems.error(
          item.origin().valueAt("name"),
          "group name '" + name.get() + "' has a '/': nest it under 'subGroups' instead");
      name = Optional.empty();
    }
    Map<String, Object> fields =
        reader.fields(
            item.map(),
            item.origin(),
            SpecKind.GROUP,
            SpecReader.union(GROUP_SPECIALS, Set.of("subGroups", "path")));
    var realmRoles = reader.stringSet(item.map(), "realmRoles", item.origin());
    var clientRoles = reader.clientRoleMap(item.map(), item.origin());
    Optional<GroupSpec> group =
        name.map(n -> new GroupSpec(n, parent, fields, realmRoles, clientRoles, item.origin()));
    group.ifPresent(out::add);
    Object path = item.map().get("path");
    if (group.isPresent() && path != null && !path.equals("/" + group.get().path())) {
      problems.error(
          item.origin().valueAt("path"),
          "'path' is Keycloak's and read-only: this group's is '/" + group.get().path() + "'");
    }
    for (Item sub : reader.list(item.map(), "subGroups", item.origin())) {
      // A sub-group of a group that failed to read is still checked, under a placeholder parent.
      group(sub, Optional.of(group.map(GroupSpec::path).orElse("?")), out);
    }
  }

  private Optional<ScopeMappingSpec> scopeMapping(Item item, Optional<String> roleClient) {
    for (String key : item.map().keySet()) {
      if (!SCOPE_MAPPING_KEYS.contains(key)) {
        String hint =
            Suggestions.closest(key, SCOPE_MAPPING_KEYS)
                .map(s -> ": did you mean '" + s + "'?")
                .orElse("");
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
      problems.error(item.origin().location(), "a scope mapping needs 'roles' (realm role names)");
      return Optional.empty();
    }
    return reader
        .stringSet(item.map(), "roles", item.origin())
        .map(roles -> new ScopeMappingSpec(client, clientScope, roleClient, roles, item.origin()));
  }

  private Optional<UserSpec> user(Item item) {
    Optional<String> serviceAccountOf = Optional.empty();
    if (item.map().get("serviceAccountClientId") instanceof String clientId) {
      serviceAccountOf = Optional.of(clientId);
    }
    Optional<String> username =
        serviceAccountOf.isPresent()
            ? serviceAccountOf.map(id -> "service-account-" + id.toLowerCase())
            : reader.requiredName(item.map(), "username", item.origin(), SpecKind.USER);
    if (serviceAccountOf.isPresent()
        && item.map().containsKey("username")
        && !username.get().equals(item.map().get("username"))) {
      problems.error(
          item.origin().valueAt("username"),
          "the service-account user of '"
              + serviceAccountOf.get()
              + "' is named '"
              + username.get()
              + "' by Keycloak");
    }
    Map<String, Object> fields =
        reader.fields(item.map(), item.origin(), SpecKind.USER, USER_SPECIALS);
    if (serviceAccountOf.isPresent()) {
      fields.keySet().removeAll(SERVICE_ACCOUNT_OWN);
    }
    if (serviceAccountOf.isPresent() && !fields.isEmpty()) {
      problems.error(
          item.origin().location(),
          "a service-account user takes only realmRoles, clientRoles and groups; its other fields belong to Keycloak");
    }
    Optional<Sensitive> password = Optional.empty();
    boolean temporary = false;
    for (Item credential : reader.list(item.map(), "credentials", item.origin())) {
      reader.fields(credential.map(), credential.origin(), SpecKind.CREDENTIAL, Set.of());
      Object type = credential.map().getOrDefault("type", "password");
      if (!"password".equals(type)) {
        problems.error(
            credential.origin().at("type"), "only credentials of type 'password' are supported");
        continue;
      }
      if (credential.map().get("value") instanceof String value) {
        password = Optional.of(new Sensitive(value));
      } else {
        problems.error(
            credential.origin().location(), "a password credential needs a string 'value'");
      }
      temporary = Boolean.TRUE.equals(credential.map().get("temporary"));
    }
    var realmRoles = reader.stringSet(item.map(), "realmRoles", item.origin());
    var clientRoles = reader.clientRoleMap(item.map(), item.origin());
    var groups = reader.stringSet(item.map(), "groups", item.origin());
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
                item.origin()));
  }

  private void warnAboutPasswordGrant(Item item, Map<String, Object> fields, boolean temporary) {
    Set<String> missing = new TreeSet<>(PROFILE_FIELDS);
    missing.removeAll(fields.keySet());
    if (!missing.isEmpty()) {
      problems.warning(
          item.origin().location(),
          "user has no "
              + String.join(", ", missing)
              + ": under Keycloak's default user profile the password grant answers"
              + " invalid_grant \"Account is not fully set up\"");
    }
    if (temporary) {
      problems.warning(
          item.origin().location(),
          "temporary password: the user must change it in a browser before the password grant works");
    }
  }
}
