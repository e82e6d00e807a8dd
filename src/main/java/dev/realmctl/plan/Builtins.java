package dev.realmctl.plan;

import dev.realmctl.version.VersionBehaviour;
import java.util.Map;
import java.util.Set;

/**
 * What Keycloak puts into every new realm. Used to check references in a realm the plan will create
 * (for an existing realm the live state is the truth) and to keep built-ins out of exports and
 * prunes. Which client scopes a new realm has depends on the version: {@link VersionBehaviour}.
 */
public final class Builtins {
  public static final Set<String> CLIENTS =
      Set.of(
          "account",
          "account-console",
          "admin-cli",
          "broker",
          "realm-management",
          "security-admin-console");

  /**
   * The built-in client Keycloak keeps to itself: every write to it (fields, scope links, mappers,
   * its roles and their composites) is answered HTTP 403, measured on 26.7.3.
   */
  public static final String READ_ONLY_CLIENT = "realm-management";

  public static final Set<String> REALM_ROLES = Set.of("offline_access", "uma_authorization");

  /** The roles of the built-in clients: a new realm's roles may hold them before they exist. */
  public static final Map<String, Set<String>> CLIENT_ROLES =
      Map.of(
          "account",
          Set.of(
              "view-profile",
              "manage-account",
              "manage-account-links",
              "view-applications",
              "view-consent",
              "manage-consent",
              "view-groups",
              "delete-account"),
          "broker",
          Set.of("read-token"),
          "realm-management",
          Set.of(
              "realm-admin",
              "create-client",
              "impersonation",
              "manage-authorization",
              "manage-clients",
              "manage-events",
              "manage-identity-providers",
              "manage-realm",
              "manage-users",
              "query-clients",
              "query-groups",
              "query-realms",
              "query-users",
              "view-authorization",
              "view-clients",
              "view-events",
              "view-identity-providers",
              "view-realm",
              "view-users"));

  /**
   * The role {@code uma_protection} of {@code realm-management}: Keycloak's realm import ({@code
   * kc.sh import}) leaves it there, held by the service account of each client with authorization
   * services, and every export of such a realm lists both (both corpus {@code flows.json} files,
   * 24.0.5 and 26.7.3). Only an import makes it: the admin API refuses any write to
   * realm-management's roles (HTTP 403), and a client whose authorization services the admin API
   * enables gets its own {@code uma_protection} role instead. So it is never created, and mappings
   * to it are compared as if neither side held them; a live one is left alone.
   */
  public static boolean importOnlyRole(java.util.Optional<String> clientId, String role) {
    return clientId.filter(READ_ONLY_CLIENT::equals).isPresent() && role.equals("uma_protection");
  }

  private Builtins() {}

  /**
   * A role Keycloak makes for a built-in client in every new realm of the {@code keycloak} version.
   */
  public static boolean clientRole(VersionBehaviour keycloak, String clientId, String role) {
    return CLIENT_ROLES.getOrDefault(clientId, Set.of()).contains(role)
        || keycloak.builtInClientRoleSince(clientId, role);
  }

  /** A client scope Keycloak creates in new realms, on any supported version. */
  public static boolean clientScope(String name) {
    return VersionBehaviour.builtInScopeOnAnyVersion(name);
  }

  public static boolean realmRole(String realm, String role) {
    return REALM_ROLES.contains(role) || role.equals("default-roles-" + realm.toLowerCase());
  }
}
