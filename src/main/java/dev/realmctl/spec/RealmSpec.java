package dev.realmctl.spec;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * What one realm should look like. {@code settings} holds only what the spec declares: a field it
 * leaves out is left as Keycloak has it. {@code sections} holds each registered section's elements
 * by its key; a section the document leaves out is absent.
 */
public record RealmSpec(
    String realm, Map<String, Object> settings, Map<String, List<?>> sections, Origin origin) {

  public static final SpecKind KIND = new SpecKind("realm", "RealmRepresentation");

  /**
   * The realm attribute realmctl keeps its ownership record in (the plan's {@code Ownership}), so
   * no spec may declare it.
   */
  public static final String OWNERSHIP_ATTRIBUTE = "realmctl.ownership";

  /** The section's elements, empty when the document leaves the section out. */
  @SuppressWarnings("unchecked")
  public <T> List<T> of(SpecSection<T> section) {
    return (List<T>) sections.getOrDefault(section.key(), List.of());
  }

  /** Whether the document declares the section at all (an empty list declares "none"). */
  public boolean declares(SpecSection<?> section) {
    return sections.containsKey(section.key());
  }

  /** The same spec with the section declaring exactly {@code elements}. */
  public <T> RealmSpec with(SpecSection<T> section, List<T> elements) {
    Map<String, List<?>> changed = new LinkedHashMap<>(sections);
    changed.put(section.key(), elements);
    return new RealmSpec(realm, settings, changed, origin);
  }

  /**
   * A spec that declares nothing but every section, with no elements: what an export reads with, so
   * that each kind reads all it has.
   */
  public static RealmSpec readingEverything(String realm) {
    Map<String, List<?>> sections = new LinkedHashMap<>();
    Sections.ALL.forEach(section -> sections.put(section.key(), List.of()));
    return new RealmSpec(realm, Map.of(), sections, null);
  }

  /**
   * The same spec under another realm name: tests use it to give each test its own realm. The
   * default role is named after the realm, so it is renamed with it.
   */
  public RealmSpec renamed(String newName) {
    String oldDefault = "default-roles-" + realm.toLowerCase();
    String newDefault = "default-roles-" + newName.toLowerCase();
    UnaryOperator<Optional<Set<String>>> holders =
        held ->
            held.map(
                names ->
                    names.stream()
                        .map(n -> n.equals(oldDefault) ? newDefault : n)
                        .collect(Collectors.toCollection(LinkedHashSet::new)));
    Map<String, List<?>> renamed = new LinkedHashMap<>(sections);
    rename(
        renamed,
        RoleSpec.SECTION,
        role ->
            role.clientId().isEmpty() && role.name().equals(oldDefault)
                ? new RoleSpec(
                    newDefault, role.clientId(), role.fields(), role.composites(), role.origin())
                : role);
    rename(
        renamed,
        UserSpec.SECTION,
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
                u.origin()));
    rename(
        renamed,
        GroupSpec.SECTION,
        g ->
            new GroupSpec(
                g.name(),
                g.parent(),
                g.fields(),
                holders.apply(g.realmRoles()),
                g.clientRoles(),
                g.origin()));
    return new RealmSpec(newName, settings, renamed, origin);
  }

  /** Only a declared section is renamed: renaming must not make the spec declare one. */
  private <T> void rename(
      Map<String, List<?>> sections, SpecSection<T> section, UnaryOperator<T> rename) {
    if (declares(section)) {
      sections.put(section.key(), of(section).stream().map(rename).toList());
    }
  }
}
