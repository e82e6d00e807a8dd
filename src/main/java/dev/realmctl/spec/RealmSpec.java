package dev.realmctl.spec;

import java.util.List;
import java.util.Map;

/**
 * What one realm should look like. {@code settings} holds only what the spec declares: a field it
 * leaves out is left as Keycloak has it.
 */
public record RealmSpec(
    String realm,
    Map<String, Object> settings,
    List<ClientScopeSpec> clientScopes,
    List<ClientSpec> clients,
    List<RoleSpec> roles,
    List<GroupSpec> groups,
    List<UserSpec> users,
    List<ScopeMappingSpec> scopeMappings,
    Origin origin) {

  /** The same spec under another realm name: tests use it to give each test its own realm. */
  public RealmSpec renamed(String newName) {
    return new RealmSpec(
        newName, settings, clientScopes, clients, roles, groups, users, scopeMappings, origin);
  }
}
