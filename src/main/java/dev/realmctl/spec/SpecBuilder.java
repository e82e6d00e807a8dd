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
          "clientScopeMappings",
          "applications",
          "oauthClients");

  /** Realm keys of exports older than key providers: Keycloak's import turns them into one. */
  private static final Set<String> LEGACY_KEYS =
      Set.of("privateKey", "publicKey", "certificate", "codeSecret");

  private static final Set<String> CLIENT_SPECIALS =
      Set.of(
          "clientId",
          "protocolMappers",
          "defaultClientScopes",
          "optionalClientScopes",
          "secret",
          // A kind of its own: AuthorizationSpec reads it out of 'clients'.
          AuthorizationSpec.FIELD);
  private static final Set<String> SCOPE_SPECIALS = Set.of("name", "protocolMappers");
  private static final SpecKind FEDERATED_IDENTITY =
      new SpecKind("federated identity", "FederatedIdentityRepresentation");
  private static final Set<String> USER_SPECIALS =
      Set.of(
          "federatedIdentities",
          "username",
          "credentials",
          "realmRoles",
          "clientRoles",
          "groups",
          "serviceAccountClientId");
  private static final Set<String> GROUP_SPECIALS = Set.of("name", "realmRoles", "clientRoles");
  private static final Set<String> SCOPE_MAPPING_KEYS = Set.of("client", "clientScope", "roles");
  private static final String SMTP_PASSWORD = "password";
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
    smtpServer(settings, origin);
    defaultRole(settings);
    clientPolicies(settings, origin, "clientPolicies", "policies");
    clientPolicies(settings, origin, "clientProfiles", "profiles");
    List<ClientScopeSpec> scopes =
        reader.list(map, "clientScopes", origin).stream()
            .map(this::clientScope)
            .flatMap(Optional::stream)
            .toList();
    List<ClientSpec> clients = new ArrayList<>();
    reader.list(map, "clients", origin).forEach(item -> client(item).ifPresent(clients::add));
    for (String legacy : List.of("applications", "oauthClients")) {
      if (map.containsKey(legacy)) {
        problems.warning(
            origin.at(legacy),
            "'"
                + legacy
                + "' is the old name of 'clients' (each 'name' its clientId): read as clients;"
                + " write 'clients'");
      }
      for (Item item : reader.list(map, legacy, origin)) {
        Map<String, Object> renamed = new LinkedHashMap<>(item.map());
        if (!renamed.containsKey("clientId") && renamed.get("name") != null) {
          renamed.put("clientId", renamed.remove("name"));
        }
        renamed.remove("claims");
        client(new Item(renamed, item.origin())).ifPresent(clients::add);
      }
    }
    List<RoleSpec> roles = new ArrayList<>(roles(map, origin));
    legacyRealmFields(name, settings, origin, roles);
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
            section.key(),
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

  /**
   * The realm's default role as an export writes it: its {@code id} and {@code containerId} (the
   * realm's id) are Keycloak's, different in every realm, so read-only like the realm's own id.
   */
  private static void defaultRole(Map<String, Object> settings) {
    if (settings.get("defaultRole") instanceof Map<?, ?> role) {
      Map<String, Object> kept = new LinkedHashMap<>(SpecReader.strings(role));
      kept.keySet().removeAll(SpecReader.READ_ONLY);
      settings.put("defaultRole", kept);
    }
  }

  /**
   * The realm's mail server: every value a string, as Keycloak keeps it; its password only from
   * {@code ${env:...}} or {@code ${file:...}}, kept as {@link Sensitive}.
   */
  private void smtpServer(Map<String, Object> settings, Origin origin) {
    if (!(settings.get("smtpServer") instanceof Map<?, ?> declared)) {
      return;
    }
    Origin smtpOrigin = origin.child("smtpServer");
    Map<String, Object> smtp = new LinkedHashMap<>();
    for (var entry : SpecReader.strings(declared).entrySet()) {
      if (entry.getValue() == null) {
        continue;
      }
      if (!entry.getKey().equals(SMTP_PASSWORD)) {
        smtp.put(entry.getKey(), String.valueOf(entry.getValue()));
      } else if (!(entry.getValue() instanceof String password)) {
        problems.error(smtpOrigin.valueAt(SMTP_PASSWORD), "'password' must be a string");
      } else if (!smtpOrigin.substituted(SMTP_PASSWORD)) {
        problems.error(
            smtpOrigin.valueAt(SMTP_PASSWORD),
            "the SMTP password must come from ${env:NAME} or ${file:PATH}, never the spec's text");
      } else {
        smtp.put(SMTP_PASSWORD, new Sensitive(password));
      }
    }
    settings.put("smtpServer", smtp);
  }

  /**
   * {@code clientPolicies: {policies: [...]}} and {@code clientProfiles: {profiles: [...]}}: the
   * realm's own, each entry a mapping with a name. Keycloak's global profiles are not the realm's.
   */
  private void clientPolicies(
      Map<String, Object> settings, Origin origin, String field, String listKey) {
    if (!settings.containsKey(field)) {
      return;
    }
    Origin fieldOrigin = origin.child(field);
    if (!(settings.get(field) instanceof Map<?, ?> declared)
        || !declared.keySet().equals(Set.of(listKey))) {
      problems.error(
          origin.valueAt(field), "'" + field + "' must be a mapping with only '" + listKey + "'");
      settings.remove(field);
      return;
    }
    List<Item> items = reader.list(SpecReader.strings(declared), listKey, fieldOrigin);
    Set<String> names = new LinkedHashSet<>();
    for (Item item : items) {
      if (!(item.map().get("name") instanceof String name) || name.isBlank()) {
        problems.error(item.origin().location(), "each of '" + listKey + "' needs a 'name'");
      } else if (!names.add(name)) {
        problems.error(item.origin().at("name"), "'" + name + "' is declared twice");
      }
    }
  }

  /**
   * Realm fields older exports write that Keycloak's import still reads: taken as it takes them,
   * each with a warning naming today's field.
   */
  private void legacyRealmFields(
      Optional<String> realm, Map<String, Object> settings, Origin origin, List<RoleSpec> roles) {
    for (String key : LEGACY_KEYS) {
      if (settings.remove(key) != null) {
        problems.warning(
            origin.at(key),
            "realm '"
                + key
                + "' is an old export's key: ignored; declare the key under components"
                + " (org.keycloak.keys.KeyProvider), its secret from ${file:...}");
      }
    }
    String defaultRole = "default-roles-" + realm.orElse("").toLowerCase();
    if (settings.remove("defaultRole") instanceof Map<?, ?> role
        && role.get("name") != null
        && !defaultRole.equals(role.get("name"))) {
      problems.warning(
          origin.at("defaultRole"),
          "'defaultRole' names '"
              + role.get("name")
              + "': ignored, Keycloak names the realm's default role '"
              + defaultRole
              + "' (a realm renamed in an export keeps its old default role's name in 'roles')");
    }
    if (settings.remove("defaultRoles") instanceof List<?> names) {
      problems.warning(
          origin.at("defaultRoles"),
          "'defaultRoles' is the old form of the default role: read as the composites of role '"
              + defaultRole
              + "' (with what Keycloak gives every new realm's); declare that role's composites");
      if (roles.stream().anyMatch(r -> r.clientId().isEmpty() && r.name().equals(defaultRole))) {
        problems.error(
            origin.at("defaultRoles"),
            "'defaultRoles' and role '" + defaultRole + "' both declare the default role");
        return;
      }
      Set<String> held = new java.util.TreeSet<>(Set.of("offline_access", "uma_authorization"));
      names.forEach(n -> held.add(String.valueOf(n)));
      roles.add(
          new RoleSpec(
              defaultRole,
              Optional.empty(),
              Map.of(),
              Optional.of(
                  new RoleSpec.Composites(
                      held, Map.of("account", Set.of("view-profile", "manage-account")))),
              origin.child("defaultRoles")));
    }
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
          role(item, Optional.of(clientId))
              .ifPresent(
                  role -> {
                    if (dev.realmctl.plan.Builtins.importOnlyRole(role.clientId(), role.name())) {
                      problems.warning(
                          item.origin().location(),
                          "role 'uma_protection' of realm-management is made only by Keycloak's"
                              + " realm import (exports of a realm with authorization services"
                              + " list it): never created (Keycloak refuses writes to"
                              + " realm-management's roles), and who holds it is not compared");
                    }
                    result.add(role);
                  });
        }
      }
    } else if (clientRoles != null) {
      problems.error(origin.at("client"), "'roles.client' must map client ids to lists of roles");
    }
    return result;
  }

  private Optional<RoleSpec> role(Item item, Optional<String> clientId) {
    Optional<String> name = reader.requiredName(item.map(), "name", item.origin(), SpecKind.ROLE);
    Map<String, Object> fields =
        reader.fields(
            item.map(),
            item.origin(),
            SpecKind.ROLE,
            Set.of("name", "clientRole", "composite", "composites"));
    Optional<RoleSpec.Composites> composites = composites(item);
    return name.map(n -> new RoleSpec(n, clientId, fields, composites, item.origin()));
  }

  /**
   * A role's {@code composites}, as exports write them: {@code realm} role names and {@code client}
   * role names by client. {@code composite: false} declares none.
   */
  private Optional<RoleSpec.Composites> composites(Item item) {
    Object value = item.map().get("composites");
    if (value == null) {
      return Boolean.FALSE.equals(item.map().get("composite"))
          ? Optional.of(new RoleSpec.Composites(Set.of(), Map.of()))
          : Optional.empty();
    }
    if (!(value instanceof Map<?, ?> composites)) {
      problems.error(
          item.origin().at("composites"),
          "'composites' must be a mapping with 'realm' and/or 'client'");
      return Optional.empty();
    }
    Map<String, Object> map = SpecReader.strings(composites);
    Origin origin = item.origin().child("composites");
    for (String key : map.keySet()) {
      if (!key.equals("realm") && !key.equals("client")) {
        problems.error(
            origin.at(key),
            "unknown key '" + key + "' under composites: expected 'realm' or 'client'");
      }
    }
    Set<String> realm = reader.stringSet(map, "realm", origin).orElse(Set.of());
    Map<String, Set<String>> client = reader.roleMap(map, "client", origin).orElse(Map.of());
    return Optional.of(new RoleSpec.Composites(realm, client));
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
            SpecReader.union(GROUP_SPECIALS, Set.of("subGroups", "path", "parentId")));
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
    List<Map<String, Object>> credentials = credentials(item);
    var realmRoles = reader.stringSet(item.map(), "realmRoles", item.origin());
    var clientRoles = reader.clientRoleMap(item.map(), item.origin());
    var groups = reader.stringSet(item.map(), "groups", item.origin());
    var federatedIdentities = federatedIdentities(item);
    boolean password = credentials.stream().anyMatch(c -> "password".equals(c.get("type")));
    if (serviceAccountOf.isEmpty() && password) {
      boolean temporary =
          credentials.stream().anyMatch(c -> Boolean.TRUE.equals(c.get("temporary")));
      warnAboutPasswordGrant(item, fields, temporary);
    }
    final Optional<String> serviceAccount = serviceAccountOf;
    return username.map(
        name ->
            new UserSpec(
                name,
                fields,
                credentials,
                realmRoles,
                clientRoles,
                groups,
                federatedIdentities,
                serviceAccount,
                item.origin()));
  }

  /**
   * A password in clear ({@code value}, from a variable) or a credential as exports write it,
   * hashed ({@code secretData} and {@code credentialData}). Either is set only when the user is
   * created.
   */
  private List<Map<String, Object>> credentials(Item user) {
    List<Map<String, Object>> credentials = new ArrayList<>();
    for (Item credential : reader.list(user.map(), "credentials", user.origin())) {
      Map<String, Object> fields =
          reader.fields(credential.map(), credential.origin(), SpecKind.CREDENTIAL, Set.of());
      fields.putIfAbsent("type", "password");
      if (credential.map().get("value") instanceof String value) {
        fields.put("value", new Sensitive(value));
      } else if (credential.map().get("secretData") instanceof String secretData
          && credential.map().get("credentialData") instanceof String) {
        fields.put("secretData", new Sensitive(secretData));
        fields.remove("createdDate");
      } else {
        problems.error(
            credential.origin().location(),
            "a credential needs a string 'value' (a password), or 'secretData' and"
                + " 'credentialData' as exports write them");
        continue;
      }
      credentials.add(fields);
    }
    return credentials;
  }

  private Optional<List<UserSpec.FederatedIdentity>> federatedIdentities(Item user) {
    if (!user.map().containsKey("federatedIdentities")) {
      return Optional.empty();
    }
    List<UserSpec.FederatedIdentity> links = new ArrayList<>();
    for (Item link : reader.list(user.map(), "federatedIdentities", user.origin())) {
      Optional<String> provider =
          reader.requiredName(link.map(), "identityProvider", link.origin(), FEDERATED_IDENTITY);
      Optional<String> userId =
          reader.requiredName(link.map(), "userId", link.origin(), FEDERATED_IDENTITY);
      Optional<String> userName =
          reader.requiredName(link.map(), "userName", link.origin(), FEDERATED_IDENTITY);
      reader.fields(
          link.map(),
          link.origin(),
          FEDERATED_IDENTITY,
          Set.of("identityProvider", "userId", "userName"));
      if (provider.isPresent() && userId.isPresent() && userName.isPresent()) {
        links.add(
            new UserSpec.FederatedIdentity(
                provider.get(), userId.get(), userName.get(), link.origin()));
      }
    }
    return Optional.of(links);
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
