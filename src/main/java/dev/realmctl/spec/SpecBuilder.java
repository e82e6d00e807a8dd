package dev.realmctl.spec;

import dev.realmctl.spec.SpecReader.Item;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one parsed document into a {@link RealmSpec}, checking names and types against Keycloak's
 * representations: the realm's own fields here, each kind's in its {@link SpecSection}. Every
 * problem is collected; nothing here talks to a server.
 */
final class SpecBuilder {
  /** Realm keys of exports older than key providers: Keycloak's import turns them into one. */
  private static final Set<String> LEGACY_KEYS =
      Set.of("privateKey", "publicKey", "certificate", "codeSecret");

  private static final String SMTP_PASSWORD = "password";

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
    Optional<String> name = reader.requiredName(map, "realm", origin, RealmSpec.KIND);
    Set<String> sectionFields = new LinkedHashSet<>(Set.of("realm"));
    Sections.ALL.forEach(section -> sectionFields.addAll(section.fields()));
    Map<String, Object> settings = reader.fields(map, origin, RealmSpec.KIND, sectionFields);
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
    ownershipRecord(settings, origin);
    defaultGroups(settings, origin);
    defaultRole(settings);
    clientPolicies(settings, origin, "clientPolicies", "policies");
    clientPolicies(settings, origin, "clientProfiles", "profiles");
    legacyRealmFields(name, settings, origin);
    SpecSection.Document realm = new SpecSection.Document(name, map, origin);
    Map<String, List<?>> sections = new LinkedHashMap<>();
    for (SpecSection<?> section : Sections.ALL) {
      if (section.fields().stream().anyMatch(map::containsKey)) {
        sections.put(section.key(), section.read(reader, realm));
      }
    }
    if (name.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new RealmSpec(name.get(), settings, sections, origin));
  }

  /**
   * realmctl's ownership record comes along in an export of a realm realmctl applied (Keycloak's
   * own export too); declared, it would fight the record realmctl writes.
   */
  private void ownershipRecord(Map<String, Object> settings, Origin origin) {
    if (settings.get("attributes") instanceof Map<?, ?> attributes
        && attributes.containsKey(RealmSpec.OWNERSHIP_ATTRIBUTE)) {
      problems.error(
          origin.child("attributes").at(RealmSpec.OWNERSHIP_ATTRIBUTE),
          "attribute '"
              + RealmSpec.OWNERSHIP_ATTRIBUTE
              + "' is realmctl's record of what it owns, which realmctl keeps itself: remove it"
              + " from the spec");
    }
  }

  /**
   * Keycloak's realm update finds default groups by its own path, which by default leaves a slash
   * in a name bare, and fails on realmctl's escaped {@code ~/} unless the server escapes slashes
   * itself; so a path naming a group with a slash in its name is refused rather than sent.
   */
  private void defaultGroups(Map<String, Object> settings, Origin origin) {
    if (!(settings.get("defaultGroups") instanceof List<?> paths)) {
      return;
    }
    for (int i = 0; i < paths.size(); i++) {
      if (paths.get(i) instanceof String path && path.contains(GroupPath.ESCAPE + "/")) {
        problems.error(
            origin.child("defaultGroups").child(i).location(),
            "default group '"
                + path
                + "' has a '/' in a group's name, which Keycloak's realm update cannot find by"
                + " path: rename the group, or make it a default group in Keycloak");
      }
    }
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
        smtp.put(
            entry.getKey(),
            entry.getValue() instanceof Sensitive secret
                ? secret
                : String.valueOf(entry.getValue()));
      } else if (entry.getValue() instanceof Sensitive password) {
        smtp.put(SMTP_PASSWORD, password);
      } else if (!(entry.getValue() instanceof String password)) {
        problems.error(smtpOrigin.valueAt(SMTP_PASSWORD), "'password' must be a string");
      } else {
        smtp.put(SMTP_PASSWORD, reader.secret(password, smtpOrigin, SMTP_PASSWORD));
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
      Optional<String> realm, Map<String, Object> settings, Origin origin) {
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
  }
}
