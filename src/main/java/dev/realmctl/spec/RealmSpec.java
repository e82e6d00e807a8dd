package dev.realmctl.spec;

import java.util.List;
import java.util.Map;

/**
 * What one realm should look like. {@code settings} holds only what the spec declares: a field it
 * leaves out is left as Keycloak has it. {@code sections} holds each registered section's elements
 * by its field; a section the document leaves out is absent.
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
    Map<String, List<?>> sections,
    Origin origin) {

  /** The section's elements, empty when the document leaves the section out. */
  @SuppressWarnings("unchecked")
  public <T> List<T> of(SpecSection<T> section) {
    return (List<T>) sections.getOrDefault(section.key(), List.of());
  }

  /** Whether the document declares the section at all (an empty list declares "none"). */
  public boolean declares(SpecSection<?> section) {
    return sections.containsKey(section.key());
  }

  /**
   * A spec that declares nothing but every section, with no elements: what an export reads with, so
   * that each kind reads all it has.
   */
  public static RealmSpec readingEverything(String realm) {
    Map<String, List<?>> sections = new java.util.LinkedHashMap<>();
    Sections.ALL.forEach(section -> sections.put(section.key(), List.of()));
    return new RealmSpec(
        realm, Map.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), sections,
        null);
  }

  /**
   * The same spec under another realm name: tests use it to give each test its own realm. The
   * default role is named after the realm, so it is renamed with it.
   */
  public RealmSpec renamed(String newName) {
    String oldDefault = "default-roles-" + realm.toLowerCase();
    String newDefault = "default-roles-" + newName.toLowerCase();
    List<RoleSpec> renamedRoles =
        roles.stream()
            .map(
                role ->
                    role.clientId().isEmpty() && role.name().equals(oldDefault)
                        ? new RoleSpec(
                            newDefault,
                            role.clientId(),
                            role.fields(),
                            role.composites(),
                            role.origin())
                        : role)
            .toList();
    java.util.function.UnaryOperator<java.util.Optional<java.util.Set<String>>> holders =
        held ->
            held.map(
                names ->
                    names.stream()
                        .map(n -> n.equals(oldDefault) ? newDefault : n)
                        .collect(
                            java.util.stream.Collectors.toCollection(
                                java.util.LinkedHashSet::new)));
    List<UserSpec> renamedUsers =
        users.stream()
            .map(
                u ->
                    new UserSpec(
                        u.username(),
                        u.fields(),
                        u.credentials(),
                        holders.apply(u.realmRoles()),
                        u.clientRoles(),
                        u.groups(),
                        u.federatedIdentities(),
                        u.serviceAccountClientId(),
                        u.origin()))
            .toList();
    List<GroupSpec> renamedGroups =
        groups.stream()
            .map(
                g ->
                    new GroupSpec(
                        g.name(),
                        g.parent(),
                        g.fields(),
                        holders.apply(g.realmRoles()),
                        g.clientRoles(),
                        g.origin()))
            .toList();
    return new RealmSpec(
        newName,
        settings,
        clientScopes,
        clients,
        renamedRoles,
        renamedGroups,
        renamedUsers,
        scopeMappings,
        sections,
        origin);
  }
}
