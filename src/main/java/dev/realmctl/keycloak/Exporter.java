package dev.realmctl.keycloak;

import dev.realmctl.plan.Builtins;
import dev.realmctl.plan.LiveRealm;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Writes a live realm as a spec: what was clicked together becomes reviewable. Only what differs
 * from what Keycloak puts into a new realm, no internal ids, no secrets. Planning the result
 * against the same realm shows no change, because every exported value is the live one.
 */
public final class Exporter {
  /** Field, and the value a new realm / client has: exported only when the live value differs. */
  private static final Map<String, Object> REALM_DEFAULTS =
      defaults(
          "displayName",
          null,
          "displayNameHtml",
          null,
          "enabled",
          true,
          "sslRequired",
          "external",
          "registrationAllowed",
          false,
          "loginWithEmailAllowed",
          true,
          "duplicateEmailsAllowed",
          false,
          "resetPasswordAllowed",
          false,
          "rememberMe",
          false,
          "verifyEmail",
          false,
          "accessTokenLifespan",
          300,
          "ssoSessionIdleTimeout",
          1800,
          "ssoSessionMaxLifespan",
          36000,
          "loginTheme",
          null,
          "bruteForceProtected",
          false,
          "eventsEnabled",
          false,
          "eventsExpiration",
          null,
          "eventsListeners",
          List.of("jboss-logging"),
          "enabledEventTypes",
          List.of(),
          "adminEventsEnabled",
          false,
          "adminEventsDetailsEnabled",
          false,
          "supportedLocales",
          List.of(),
          "defaultLocale",
          null,
          "internationalizationEnabled",
          false,
          "requiredCredentials",
          List.of("password"),
          "otpPolicyType",
          "totp",
          "otpPolicyAlgorithm",
          "HmacSHA1",
          "otpPolicyDigits",
          6,
          "otpPolicyInitialCounter",
          0,
          "otpPolicyLookAheadWindow",
          1,
          "otpPolicyPeriod",
          30,
          "otpPolicyCodeReusable",
          false,
          "webAuthnPolicyRpEntityName",
          "keycloak",
          "webAuthnPolicySignatureAlgorithms",
          List.of("ES256", "RS256"),
          "webAuthnPolicyRpId",
          "",
          "webAuthnPolicyAttestationConveyancePreference",
          "not specified",
          "webAuthnPolicyAuthenticatorAttachment",
          "not specified",
          "webAuthnPolicyRequireResidentKey",
          "not specified",
          "webAuthnPolicyResidentKey",
          "not specified",
          "webAuthnPolicyUserVerificationRequirement",
          "not specified",
          "webAuthnPolicyCreateTimeout",
          0,
          "webAuthnPolicyAvoidSameAuthenticatorRegister",
          false,
          "webAuthnPolicyAcceptableAaguids",
          List.of(),
          "webAuthnPolicyExtraOrigins",
          List.of(),
          "webAuthnPolicyPasswordlessRpEntityName",
          "keycloak",
          "webAuthnPolicyPasswordlessSignatureAlgorithms",
          List.of("ES256", "RS256"),
          "webAuthnPolicyPasswordlessRpId",
          "",
          "webAuthnPolicyPasswordlessAttestationConveyancePreference",
          "not specified",
          "webAuthnPolicyPasswordlessAuthenticatorAttachment",
          "not specified",
          "webAuthnPolicyPasswordlessRequireResidentKey",
          "not specified",
          "webAuthnPolicyPasswordlessResidentKey",
          "required",
          "webAuthnPolicyPasswordlessUserVerificationRequirement",
          "required",
          "webAuthnPolicyPasswordlessCreateTimeout",
          0,
          "webAuthnPolicyPasswordlessAvoidSameAuthenticatorRegister",
          false,
          "webAuthnPolicyPasswordlessAcceptableAaguids",
          List.of(),
          "webAuthnPolicyPasswordlessExtraOrigins",
          List.of(),
          "browserSecurityHeaders",
          Map.of(
              "contentSecurityPolicyReportOnly",
              "",
              "xContentTypeOptions",
              "nosniff",
              "referrerPolicy",
              "no-referrer",
              "xRobotsTag",
              "none",
              "xFrameOptions",
              "SAMEORIGIN",
              "contentSecurityPolicy",
              "frame-src 'self'; frame-ancestors 'self'; object-src 'none';",
              "strictTransportSecurity",
              "max-age=31536000; includeSubDomains"),
          "clientPolicies",
          Map.of("policies", List.of()),
          "clientProfiles",
          Map.of("profiles", List.of()));

  /** Realm attributes every new realm has, with their values: exported only when changed. */
  private static final Map<String, String> REALM_ATTRIBUTE_DEFAULTS =
      Map.of(
          "cibaBackchannelTokenDeliveryMode", "poll",
          "cibaExpiresIn", "120",
          "cibaAuthRequestedUserHint", "login_hint",
          "cibaInterval", "5",
          "oauth2DeviceCodeLifespan", "600",
          "oauth2DevicePollingInterval", "5",
          "parRequestUriLifespan", "60",
          "realmReusableOtpCode", "false");

  private static final Map<String, Object> CLIENT_DEFAULTS =
      defaults(
          "name",
          null,
          "description",
          null,
          "enabled",
          true,
          "publicClient",
          false,
          "bearerOnly",
          false,
          "standardFlowEnabled",
          true,
          "implicitFlowEnabled",
          false,
          "directAccessGrantsEnabled",
          false,
          "serviceAccountsEnabled",
          false,
          "consentRequired",
          false,
          "fullScopeAllowed",
          true,
          "protocol",
          "openid-connect",
          "clientAuthenticatorType",
          "client-secret",
          "rootUrl",
          null,
          "baseUrl",
          null,
          "adminUrl",
          null,
          "redirectUris",
          List.of(),
          "webOrigins",
          List.of());
  private static final Set<String> CLIENT_ATTRIBUTES =
      Set.of("post.logout.redirect.uris", "access.token.lifespan", "pkce.code.challenge.method");

  private final Connection connection;

  public Exporter(Connection connection) {
    this.connection = connection;
  }

  /** The realm as a spec document, with notes for the reader (secrets left out, and so on). */
  public record Export(Map<String, Object> spec, List<String> notes) {}

  public Export export(String realmName) {
    RealmResource realm = connection.keycloak().realm(realmName);
    List<String> notes = new ArrayList<>();
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("realm", realmName);
    Map<String, Object> realmFields = Json.toMap(realm.toRepresentation());
    spec.putAll(nonDefault(realmFields, REALM_DEFAULTS));
    realmAttributes(realmFields).ifPresent(attributes -> spec.put("attributes", attributes));
    smtpServer(realmName, realmFields, notes).ifPresent(smtp -> spec.put("smtpServer", smtp));

    List<Map<String, Object>> scopes = new ArrayList<>();
    Map<String, String> scopeIds = new HashMap<>();
    for (ClientScopeRepresentation scope : realm.clientScopes().findAll()) {
      if (!Builtins.clientScope(scope.getName())) {
        scopeIds.put(scope.getName(), scope.getId());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", scope.getName());
        putIfPresent(out, "description", scope.getDescription());
        putIfPresent(out, "protocol", scope.getProtocol());
        if (scope.getAttributes() != null && !scope.getAttributes().isEmpty()) {
          out.put("attributes", new TreeMap<>(scope.getAttributes()));
        }
        out.put("protocolMappers", mappers(scope.getProtocolMappers()));
        scopes.add(out);
      }
    }
    putIfNotEmpty(spec, "clientScopes", scopes);

    List<Map<String, Object>> clients = new ArrayList<>();
    Map<String, String> clientUuids = new HashMap<>();
    List<ClientRepresentation> allClients = realm.clients().findAll();
    for (ClientRepresentation client : allClients) {
      if (Builtins.CLIENTS.contains(client.getClientId())) {
        continue;
      }
      clientUuids.put(client.getClientId(), client.getId());
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("clientId", client.getClientId());
      out.putAll(nonDefault(Json.toMap(client), CLIENT_DEFAULTS));
      Map<String, String> attributes = new TreeMap<>();
      if (client.getAttributes() != null) {
        client
            .getAttributes()
            .forEach(
                (k, v) -> {
                  if (CLIENT_ATTRIBUTES.contains(k) && v != null && !v.isEmpty()) {
                    attributes.put(k, v);
                  }
                });
      }
      if (!attributes.isEmpty()) {
        out.put("attributes", attributes);
      }
      // Mappers Keycloak attached by itself are its own; a spec declaring them would carry them
      // to a version that attaches them elsewhere.
      Set<String> attached =
          connection
              .behaviour()
              .mappersKeycloakAttaches(Boolean.TRUE.equals(client.isServiceAccountsEnabled()));
      List<ProtocolMapperRepresentation> own =
          client.getProtocolMappers() == null
              ? List.of()
              : client.getProtocolMappers().stream()
                  .filter(m -> !attached.contains(m.getName()))
                  .toList();
      if (!own.isEmpty()) {
        out.put("protocolMappers", mappers(own));
      }
      out.put("defaultClientScopes", sorted(client.getDefaultClientScopes()));
      out.put("optionalClientScopes", sorted(client.getOptionalClientScopes()));
      if (!Boolean.TRUE.equals(client.isPublicClient())
          && !Boolean.TRUE.equals(client.isBearerOnly())) {
        notes.add(
            "client "
                + client.getClientId()
                + ": secret not exported; to manage it add `secret: ${env:"
                + envName(realmName, client.getClientId())
                + "}`");
      }
      clients.add(out);
    }
    putIfNotEmpty(spec, "clients", clients);

    Map<String, Object> roles = new LinkedHashMap<>();
    List<Map<String, Object>> realmRoles = new ArrayList<>();
    String defaultRoles = "default-roles-" + realmName.toLowerCase();
    List<String> holdableRealmRoles = new ArrayList<>();
    for (RoleRepresentation role : realm.roles().list(false)) {
      if (!role.getName().equals(defaultRoles)) {
        holdableRealmRoles.add(role.getName());
      }
      if (!Builtins.REALM_ROLES.contains(role.getName()) && !role.getName().equals(defaultRoles)) {
        realmRoles.add(role(role));
      }
    }
    putIfNotEmpty(roles, "realm", realmRoles);
    Map<String, Object> clientRoles = new TreeMap<>();
    Map<String, List<String>> clientRoleNames = new HashMap<>();
    clientUuids.forEach(
        (clientId, uuid) -> {
          List<RoleRepresentation> list = realm.clients().get(uuid).roles().list(false);
          if (!list.isEmpty()) {
            clientRoles.put(clientId, list.stream().map(Exporter::role).toList());
            clientRoleNames.put(clientId, list.stream().map(RoleRepresentation::getName).toList());
          }
        });
    putIfNotEmpty(roles, "client", clientRoles);
    if (!roles.isEmpty()) {
      spec.put("roles", roles);
    }

    Map<String, GroupRepresentation> allGroups = LiveReader.tree(realm);
    Map<String, List<Map<String, Object>>> subGroups = new HashMap<>();
    List<Map<String, Object>> groups = new ArrayList<>();
    allGroups.forEach(
        (path, group) -> {
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("name", group.getName());
          if (group.getAttributes() != null && !group.getAttributes().isEmpty()) {
            out.put("attributes", new TreeMap<>(group.getAttributes()));
          }
          var mappings = realm.groups().group(group.getId()).roles().getAll();
          out.put(
              "realmRoles",
              mappings.getRealmMappings() == null
                  ? List.of()
                  : sorted(
                      mappings.getRealmMappings().stream()
                          .map(RoleRepresentation::getName)
                          .toList()));
          putIfNotEmpty(out, "clientRoles", clientMappings(mappings));
          // The tree lists parents first, so a parent's entry exists before its children join it.
          List<Map<String, Object>> children = new ArrayList<>();
          subGroups.put(path, children);
          int slash = path.lastIndexOf('/');
          (slash < 0 ? groups : subGroups.get(path.substring(0, slash))).add(out);
          out.put("subGroups", children);
        });
    dropEmptySubGroups(groups);
    putIfNotEmpty(spec, "groups", groups);

    List<Map<String, Object>> users = new ArrayList<>();
    Memberships memberships =
        Memberships.read(realm, holdableRealmRoles, clientRoleNames, clientUuids, allGroups);
    for (UserRepresentation user :
        LiveReader.paged((first, max) -> realm.users().list(first, max))) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("username", user.getUsername());
      putIfPresent(out, "email", user.getEmail());
      putIfPresent(out, "firstName", user.getFirstName());
      putIfPresent(out, "lastName", user.getLastName());
      out.put("enabled", user.isEnabled());
      out.put("emailVerified", user.isEmailVerified());
      // Even empty: a realm whose required action is a default one adds it to every new user.
      out.put("requiredActions", sorted(user.getRequiredActions()));
      if (user.getAttributes() != null && !user.getAttributes().isEmpty()) {
        out.put("attributes", new TreeMap<>(user.getAttributes()));
      }
      out.put("realmRoles", memberships.realmRolesOf(user.getUsername()));
      putIfNotEmpty(out, "clientRoles", memberships.clientRolesOf(user.getUsername()));
      out.put("groups", memberships.groupsOf(user.getUsername()));
      users.add(out);
    }
    if (!users.isEmpty()) {
      notes.add("passwords are never exported: a user's password stays as Keycloak has it");
    }
    for (ClientRepresentation client : allClients) {
      if (Boolean.TRUE.equals(client.isServiceAccountsEnabled())
          && !Builtins.CLIENTS.contains(client.getClientId())) {
        var account = realm.clients().get(client.getId()).getServiceAccountUser();
        var mappings = realm.users().get(account.getId()).roles().getAll();
        List<String> accountRoles = realmRoleNames(mappings, defaultRoles);
        Map<String, Object> clientMappings = clientMappings(mappings);
        if (!accountRoles.isEmpty() || !clientMappings.isEmpty()) {
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("serviceAccountClientId", client.getClientId());
          out.put("realmRoles", accountRoles);
          putIfNotEmpty(out, "clientRoles", clientMappings);
          users.add(out);
        }
      }
    }
    putIfNotEmpty(spec, "users", users);

    RoleScopeExport roleScopes = new RoleScopeExport();
    new TreeMap<>(clientUuids)
        .forEach(
            (clientId, uuid) ->
                roleScopes.add(
                    "client", clientId, realm.clients().get(uuid).getScopeMappings().getAll()));
    new TreeMap<>(scopeIds)
        .forEach(
            (name, id) ->
                roleScopes.add(
                    "clientScope", name, realm.clientScopes().get(id).getScopeMappings().getAll()));
    roleScopes.writeTo(spec);
    LiveRealm live =
        new LiveRealm(
            Json.toMap(realm.toRepresentation()),
            Map.of(),
            Map.of(),
            Map.of(),
            Map.of(),
            Map.of(),
            Map.of(),
            Map.of());
    for (KindEdge edge : Edges.ALL) {
      live = edge.readAll(realmName, realm, new RealmIds(), live);
    }
    for (KindEdge edge : Edges.ALL) {
      edge.export(realmName, live, spec, notes);
    }
    // The realm's default scope lists, when they are what a new realm of this version has, are
    // Keycloak's own: left out like every other default.
    for (boolean optional : new boolean[] {false, true}) {
      String field = optional ? "defaultOptionalClientScopes" : "defaultDefaultClientScopes";
      if (spec.get(field) instanceof List<?> listed
          && Set.copyOf(listed)
              .equals(connection.behaviour().realmDefaultScopesOfNewRealm(optional))) {
        spec.remove(field);
      }
    }
    return new Export(spec, notes);
  }

  /** The realm's attributes that differ from a new realm's, without realmctl's own record. */
  private static java.util.Optional<Map<String, Object>> realmAttributes(
      Map<String, Object> realm) {
    Map<String, Object> result = new TreeMap<>();
    if (realm.get("attributes") instanceof Map<?, ?> attributes) {
      attributes.forEach(
          (key, value) -> {
            String name = String.valueOf(key);
            if (!name.equals(dev.realmctl.plan.Ownership.ATTRIBUTE)
                && value != null
                && !String.valueOf(value).equals(REALM_ATTRIBUTE_DEFAULTS.get(name))) {
              result.put(name, value);
            }
          });
    }
    return result.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(result);
  }

  /** The mail server; its password (Keycloak answers it masked) becomes a variable to set. */
  private static java.util.Optional<Map<String, Object>> smtpServer(
      String realmName, Map<String, Object> realm, List<String> notes) {
    if (!(realm.get("smtpServer") instanceof Map<?, ?> smtp) || smtp.isEmpty()) {
      return java.util.Optional.empty();
    }
    Map<String, Object> result = new TreeMap<>();
    smtp.forEach((key, value) -> result.put(String.valueOf(key), value));
    if (result.containsKey("password")) {
      String variable = smtpPasswordVariable(realmName);
      result.put("password", "${env:" + variable + "}");
      notes.add("smtpServer: password not exported (Keycloak never shows it); set " + variable);
    }
    return java.util.Optional.of(result);
  }

  static String smtpPasswordVariable(String realm) {
    return (realm + "_SMTP_PASSWORD").toUpperCase().replaceAll("[^A-Z0-9]+", "_");
  }

  /** Direct realm roles, without the default-roles composite Keycloak gives everyone. */
  private static List<String> realmRoleNames(
      org.keycloak.representations.idm.MappingsRepresentation mappings, String defaultRoles) {
    return mappings.getRealmMappings() == null
        ? List.of()
        : sorted(
            mappings.getRealmMappings().stream()
                .map(RoleRepresentation::getName)
                .filter(r -> !r.equals(defaultRoles))
                .toList());
  }

  static String envName(String realm, String clientId) {
    return (realm + "_" + clientId + "_SECRET").toUpperCase().replaceAll("[^A-Z0-9]+", "_");
  }

  private static Map<String, Object> clientMappings(
      org.keycloak.representations.idm.MappingsRepresentation mappings) {
    Map<String, Object> result = new TreeMap<>();
    if (mappings.getClientMappings() != null) {
      mappings
          .getClientMappings()
          .forEach(
              (clientId, m) -> {
                if (!Builtins.CLIENTS.contains(clientId)
                    && m.getMappings() != null
                    && !m.getMappings().isEmpty()) {
                  result.put(
                      clientId,
                      sorted(m.getMappings().stream().map(RoleRepresentation::getName).toList()));
                }
              });
    }
    return result;
  }

  private static Map<String, Object> role(RoleRepresentation role) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", role.getName());
    putIfPresent(out, "description", role.getDescription());
    return out;
  }

  private static List<Map<String, Object>> mappers(List<ProtocolMapperRepresentation> mappers) {
    List<Map<String, Object>> result = new ArrayList<>();
    for (ProtocolMapperRepresentation mapper :
        mappers == null ? List.<ProtocolMapperRepresentation>of() : mappers) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("name", mapper.getName());
      out.put("protocol", mapper.getProtocol());
      out.put("protocolMapper", mapper.getProtocolMapper());
      out.put("config", new TreeMap<>(mapper.getConfig() == null ? Map.of() : mapper.getConfig()));
      result.add(out);
    }
    result.sort((a, b) -> String.valueOf(a.get("name")).compareTo(String.valueOf(b.get("name"))));
    return result;
  }

  private static Map<String, Object> nonDefault(
      Map<String, Object> live, Map<String, Object> defaults) {
    Map<String, Object> result = new LinkedHashMap<>();
    defaults.forEach(
        (field, value) -> {
          Object actual = live.get(field);
          boolean emptyList =
              actual instanceof List<?> l
                  && l.isEmpty()
                  && value instanceof List<?> d
                  && d.isEmpty();
          if (actual != null && !Objects.equals(actual, value) && !emptyList) {
            result.put(field, actual);
          }
        });
    return result;
  }

  private static Map<String, Object> defaults(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  private static List<String> sorted(List<String> values) {
    return values == null ? List.of() : values.stream().sorted().collect(Collectors.toList());
  }

  private static void putIfPresent(Map<String, Object> map, String key, Object value) {
    if (value != null && !"".equals(value)) {
      map.put(key, value);
    }
  }

  /**
   * Leaves are written without {@code subGroups}, so an export without sub-groups reads as before.
   */
  private static void dropEmptySubGroups(List<Map<String, Object>> groups) {
    for (Map<String, Object> group : groups) {
      @SuppressWarnings("unchecked")
      var children = (List<Map<String, Object>>) group.get("subGroups");
      if (children.isEmpty()) {
        group.remove("subGroups");
      } else {
        dropEmptySubGroups(children);
      }
    }
  }

  private static void putIfNotEmpty(Map<String, Object> map, String key, Object value) {
    if (value instanceof List<?> list && !list.isEmpty()
        || value instanceof Map<?, ?> m && !m.isEmpty()) {
      map.put(key, value);
    }
  }
}
