package dev.realmctl.plan;

import java.util.Set;

/**
 * What Keycloak puts into every new realm (checked against 26.x). Used only to check references in
 * a realm the plan will create; for an existing realm the live state is the truth.
 */
public final class Builtins {
  public static final Set<String> CLIENT_SCOPES =
      Set.of(
          "AuthnContextClassRef",
          "acr",
          "address",
          "basic",
          "email",
          "microprofile-jwt",
          "offline_access",
          "organization",
          "phone",
          "profile",
          "role_list",
          "roles",
          "saml_organization",
          "service_account",
          "web-origins");
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

  public static boolean realmRole(String realm, String role) {
    return REALM_ROLES.contains(role) || role.equals("default-roles-" + realm.toLowerCase());
  }
}
