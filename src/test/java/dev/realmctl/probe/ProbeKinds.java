package dev.realmctl.probe;

import dev.realmctl.probe.ProbeKind.Entry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.keycloak.representations.idm.AuthenticationExecutionExportRepresentation;
import org.keycloak.representations.idm.AuthenticationFlowRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The children of {@code RealmRepresentation} the probe varies, each in a realm of its own (the
 * realm's own fields are {@link KeepsProbe}'s): the kinds realmctl's spec declares.
 */
final class ProbeKinds {
  static final String GROUP = "probe-group";
  static final String IDP = "probe-idp";
  static final String MAPPER_SCOPE = "probe-mappers";

  /** Keycloak's required actions: one entry each, as a realm has each provider once. */
  private static final List<String> REQUIRED_ACTIONS =
      List.of(
          "CONFIGURE_TOTP",
          "TERMS_AND_CONDITIONS",
          "UPDATE_PASSWORD",
          "UPDATE_PROFILE",
          "VERIFY_EMAIL",
          "delete_account",
          "update_user_locale",
          "webauthn-register",
          "webauthn-register-passwordless");

  private ProbeKinds() {}

  static List<ProbeKind> all() {
    return List.of(
        listed(
            "clients",
            ClientRepresentation.class,
            "clientId",
            Set.of("protocolMappers", "authorizationSettings"),
            key -> entry("clientId", key),
            "clients",
            export("clients", "clientId")),
        listed(
            "clientScopes",
            ClientScopeRepresentation.class,
            "name",
            Set.of("protocolMappers"),
            key -> entry("name", key, "protocol", "openid-connect"),
            "clientScopes",
            export("clientScopes", "name")),
        protocolMappers(),
        new ProbeKind(
            "roles",
            RoleRepresentation.class,
            ProbeKinds::key,
            roles(ProbeKind.skip("name", Set.of())),
            key -> entry("name", key),
            (realm, entries) -> {
              Map<String, Object> file = shell(realm);
              file.put("roles", Map.of("realm", fields(entries)));
              return file;
            },
            (admin, realm) -> byKey(nested(admin.partialExport(realm), "roles", "realm"), "name")),
        listed(
            "groups",
            GroupRepresentation.class,
            "name",
            Set.of("subGroups"),
            key -> entry("name", key),
            "groups",
            export("groups", "name")),
        users(),
        listed(
            "identityProviders",
            IdentityProviderRepresentation.class,
            "alias",
            Set.of(),
            ProbeKinds::identityProvider,
            "identityProviders",
            export("identityProviders", "alias")),
        identityProviderMappers(),
        components(),
        listed(
            "authenticationFlows",
            AuthenticationFlowRepresentation.class,
            "alias",
            Set.of("authenticationExecutions"),
            key -> flow(key, List.of()),
            "authenticationFlows",
            export("authenticationFlows", "alias")),
        executions(),
        listed(
            "authenticatorConfig",
            AuthenticatorConfigRepresentation.class,
            "alias",
            Set.of(),
            key -> entry("alias", key, "config", Map.of("defaultProvider", "probe")),
            "authenticatorConfig",
            export("authenticatorConfig", "alias")),
        requiredActions(),
        organizations());
  }

  static String key(int index) {
    return "v" + index;
  }

  /** A realm file with the group and identity provider some variants name. */
  static Map<String, Object> shell(String realm) {
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("realm", realm);
    file.put("enabled", true);
    file.put("groups", new ArrayList<>(List.of(entry("name", GROUP))));
    return file;
  }

  private static ProbeKind listed(
      String name,
      Class<?> type,
      String keyField,
      Set<String> children,
      Function<String, Map<String, Object>> base,
      String realmField,
      java.util.function.BiFunction<AdminHttp, String, Map<String, Map<String, Object>>> read) {
    return new ProbeKind(
        name,
        type,
        ProbeKinds::key,
        ProbeKind.skip(keyField, children),
        base,
        (realm, entries) -> {
          Map<String, Object> file = shell(realm);
          if (realmField.equals("groups")) {
            @SuppressWarnings("unchecked")
            List<Object> groups = (List<Object>) file.get("groups");
            groups.addAll(fields(entries));
          } else {
            file.put(realmField, fields(entries));
          }
          return file;
        },
        read);
  }

  private static ProbeKind protocolMappers() {
    return new ProbeKind(
        "protocolMappers",
        ProtocolMapperRepresentation.class,
        ProbeKinds::key,
        ProbeKind.skip("name", Set.of()),
        key ->
            entry(
                "name",
                key,
                "protocol",
                "openid-connect",
                "protocolMapper",
                "oidc-hardcoded-claim-mapper",
                "config",
                Map.of(
                    "claim.name", "probe",
                    "claim.value", "v",
                    "jsonType.label", "String",
                    "access.token.claim", "true")),
        (realm, entries) -> {
          Map<String, Object> file = shell(realm);
          file.put(
              "clientScopes",
              List.of(
                  entry(
                      "name",
                      MAPPER_SCOPE,
                      "protocol",
                      "openid-connect",
                      "protocolMappers",
                      fields(entries))));
          return file;
        },
        (admin, realm) ->
            byKey(
                list(
                    byKey(list(admin.partialExport(realm), "clientScopes"), "name")
                        .getOrDefault(MAPPER_SCOPE, Map.of()),
                    "protocolMappers"),
                "name"));
  }

  private static ProbeKind users() {
    return new ProbeKind(
        "users",
        UserRepresentation.class,
        ProbeKinds::key,
        users(
            ProbeKind.skip(
                "username",
                Set.of("credentials", "federatedIdentities", "socialLinks", "clientConsents"))),
        key ->
            entry(
                "username",
                key,
                "enabled",
                true,
                "email",
                key + "@example.org",
                "firstName",
                "Probe",
                "lastName",
                "User"),
        (realm, entries) -> {
          Map<String, Object> file = shell(realm);
          file.put("users", fields(entries));
          return file;
        },
        ProbeKinds::readUsers);
  }

  /** Exports write both on every role; each follows from something else the role declares. */
  private static Map<String, String> roles(Map<String, String> skipped) {
    skipped.put("composite", "follows from the role's composites");
    skipped.put("clientRole", "follows from where the role is declared");
    skipped.put("containerId", ProbeKind.IDENTIFIER);
    return skipped;
  }

  private static Map<String, String> users(Map<String, String> skipped) {
    skipped.put(
        "attributes",
        "kept or dropped by the realm's user profile (unmanagedAttributePolicy), not by the field");
    skipped.put("federationLink", "names a user storage component of the realm");
    return skipped;
  }

  /** Users as the admin API shows them, with the role mappings and groups the import gave. */
  private static Map<String, Map<String, Object>> readUsers(AdminHttp admin, String realm) {
    String base = "/admin/realms/" + AdminHttp.encode(realm) + "/users";
    Map<String, Map<String, Object>> users = new LinkedHashMap<>();
    for (Map<String, Object> user : admin.list(base + "?briefRepresentation=false&max=1000")) {
      String id = (String) user.get("id");
      Map<String, Object> read = new LinkedHashMap<>(user);
      read.put(
          "realmRoles",
          admin.list(base + "/" + id + "/role-mappings/realm").stream()
              .map(r -> r.get("name"))
              .toList());
      Map<String, Object> clientRoles = new LinkedHashMap<>();
      Object mappings = admin.object(base + "/" + id + "/role-mappings").get("clientMappings");
      if (mappings instanceof Map<?, ?> byClient) {
        byClient.forEach(
            (client, mapping) ->
                clientRoles.put(
                    String.valueOf(client),
                    list(cast(mapping), "mappings").stream().map(r -> r.get("name")).toList()));
      }
      read.put("clientRoles", clientRoles);
      read.put(
          "groups",
          admin.list(base + "/" + id + "/groups").stream().map(g -> g.get("path")).toList());
      users.put((String) user.get("username"), read);
    }
    return users;
  }

  private static Map<String, Object> identityProvider(String alias) {
    return entry(
        "alias",
        alias,
        "providerId",
        "oidc",
        "enabled",
        true,
        "config",
        Map.of(
            "clientId", "probe",
            "clientSecret", "probe-secret",
            "authorizationUrl", "https://idp.example.org/auth",
            "tokenUrl", "https://idp.example.org/token",
            "clientAuthMethod", "client_secret_post"));
  }

  private static ProbeKind identityProviderMappers() {
    return new ProbeKind(
        "identityProviderMappers",
        IdentityProviderMapperRepresentation.class,
        ProbeKinds::key,
        ProbeKind.skip("name", Set.of()),
        key ->
            entry(
                "name",
                key,
                "identityProviderAlias",
                IDP,
                "identityProviderMapper",
                "hardcoded-attribute-idp-mapper",
                "config",
                Map.of("syncMode", "INHERIT", "attribute", "probe", "attribute.value", "v")),
        (realm, entries) -> {
          Map<String, Object> file = shell(realm);
          file.put("identityProviders", List.of(identityProvider(IDP)));
          file.put("identityProviderMappers", fields(entries));
          return file;
        },
        export("identityProviderMappers", "name"));
  }

  private static final String KEY_PROVIDER = "org.keycloak.keys.KeyProvider";

  private static ProbeKind components() {
    return new ProbeKind(
        "components",
        ComponentRepresentation.class,
        ProbeKinds::key,
        ProbeKind.skip("name", Set.of()),
        key ->
            entry(
                "name",
                key,
                "providerId",
                "hmac-generated",
                "config",
                Map.of("priority", List.of("5"), "algorithm", List.of("HS512"))),
        (realm, entries) -> {
          Map<String, Object> file = shell(realm);
          file.put("components", Map.of(KEY_PROVIDER, fields(entries)));
          return file;
        },
        (admin, realm) ->
            byKey(nested(admin.partialExport(realm), "components", KEY_PROVIDER), "name"));
  }

  private static Map<String, Object> flow(String alias, List<Object> executions) {
    return entry(
        "alias",
        alias,
        "description",
        "",
        "providerId",
        "basic-flow",
        "topLevel",
        true,
        "builtIn",
        false,
        "authenticationExecutions",
        executions);
  }

  /** Each execution alone in a flow of its own, the flow named by the entry's key. */
  private static ProbeKind executions() {
    return new ProbeKind(
        "authenticationExecutions",
        AuthenticationExecutionExportRepresentation.class,
        ProbeKinds::key,
        new java.util.TreeMap<>(),
        key ->
            entry(
                "authenticator",
                "auth-cookie",
                "requirement",
                "ALTERNATIVE",
                "priority",
                10,
                "userSetupAllowed",
                false,
                "authenticatorFlow",
                false),
        (realm, entries) -> {
          Map<String, Object> file = shell(realm);
          file.put(
              "authenticationFlows",
              entries.stream().map(e -> (Object) flow(e.key(), List.of(e.fields()))).toList());
          return file;
        },
        (admin, realm) -> {
          Map<String, Map<String, Object>> byFlow = new LinkedHashMap<>();
          byKey(list(admin.partialExport(realm), "authenticationFlows"), "alias")
              .forEach(
                  (alias, flow) -> {
                    List<Map<String, Object>> executions = list(flow, "authenticationExecutions");
                    if (!executions.isEmpty()) {
                      byFlow.put(alias, executions.get(0));
                    }
                  });
          return byFlow;
        });
  }

  private static ProbeKind requiredActions() {
    Map<String, String> skipped = ProbeKind.skip("alias", Set.of());
    skipped.put("providerId", ProbeKind.IDENTIFIER);
    return new ProbeKind(
        "requiredActions",
        RequiredActionProviderRepresentation.class,
        REQUIRED_ACTIONS::get,
        skipped,
        key ->
            entry(
                "alias",
                key,
                "name",
                key,
                "providerId",
                key,
                "enabled",
                true,
                "defaultAction",
                false,
                "priority",
                10),
        (realm, entries) -> {
          Map<String, Object> file = shell(realm);
          file.put("requiredActions", fields(entries));
          return file;
        },
        export("requiredActions", "alias"));
  }

  private static ProbeKind organizations() {
    Map<String, String> skipped =
        ProbeKind.skip("name", Set.of("members", "identityProviders", "domains"));
    return new ProbeKind(
        "organizations",
        OrganizationRepresentation.class,
        ProbeKinds::key,
        skipped,
        key ->
            entry(
                "name",
                key,
                "alias",
                key,
                "enabled",
                true,
                "domains",
                List.of(Map.of("name", key + ".example.org"))),
        (realm, entries) -> {
          Map<String, Object> file = shell(realm);
          file.put("organizationsEnabled", true);
          file.put("organizations", fields(entries));
          return file;
        },
        (admin, realm) ->
            byKey(
                admin.list(
                    "/admin/realms/"
                        + AdminHttp.encode(realm)
                        + "/organizations?briefRepresentation=false&max=1000"),
                "name"));
  }

  private static java.util.function.BiFunction<AdminHttp, String, Map<String, Map<String, Object>>>
      export(String field, String keyField) {
    return (admin, realm) -> byKey(list(admin.partialExport(realm), field), keyField);
  }

  static Map<String, Object> entry(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static List<Object> fields(List<Entry> entries) {
    return entries.stream().map(e -> (Object) e.fields()).toList();
  }

  static Map<String, Map<String, Object>> byKey(List<Map<String, Object>> items, String key) {
    Map<String, Map<String, Object>> result = new LinkedHashMap<>();
    items.forEach(item -> result.put(String.valueOf(item.get(key)), item));
    return result;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> cast(Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Map<String, Object> parent, String field) {
    return parent.get(field) instanceof List<?> items
        ? (List<Map<String, Object>>) items
        : List.of();
  }

  private static List<Map<String, Object>> nested(
      Map<String, Object> parent, String field, String inner) {
    return list(cast(parent.get(field)), inner);
  }
}
