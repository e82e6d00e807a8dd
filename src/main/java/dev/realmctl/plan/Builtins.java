package dev.realmctl.plan;

import dev.realmctl.version.VersionBehaviour;
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
  public static final Set<String> REALM_ROLES = Set.of("offline_access", "uma_authorization");

  private Builtins() {}

  /** A client scope Keycloak creates in new realms, on any supported version. */
  public static boolean clientScope(String name) {
    return VersionBehaviour.builtInScopeOnAnyVersion(name);
  }

  public static boolean realmRole(String realm, String role) {
    return REALM_ROLES.contains(role) || role.equals("default-roles-" + realm.toLowerCase());
  }
}
