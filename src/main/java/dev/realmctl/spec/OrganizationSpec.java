package dev.realmctl.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An organization (a realm's {@code organizations} entry, Keycloak 26+), keyed by its alias:
 * Keycloak makes the alias from the name when none is given, never lets it change, and exports
 * write it, so a renamed organization is an update, not a new one. Linked identity providers and
 * members are kept by name with their lines; a declared list is the exact set.
 */
public record OrganizationSpec(
    String alias,
    String name,
    Map<String, Object> fields,
    Optional<List<Domain>> domains,
    Optional<Map<String, Origin>> identityProviders,
    Optional<Map<String, Origin>> members,
    Origin origin) {

  public static final SpecKind KIND = new SpecKind("organization", "OrganizationRepresentation");
  public static final SpecSection<OrganizationSpec> SECTION = new Section();

  /** Handled apart; {@code groups} (organization groups) is refused below. */
  private static final Set<String> OWN_FIELDS =
      Set.of("name", "alias", "domains", "identityProviders", "members", "groups");

  /** One internet domain of an organization; Keycloak keeps them as a set. */
  public record Domain(String name, boolean verified) {
    public static final Comparator<Domain> BY_NAME = Comparator.comparing(Domain::name);
  }

  private static final class Section implements SpecSection<OrganizationSpec> {
    public String field() {
      return "organizations";
    }

    public List<OrganizationSpec> read(SpecReader reader, Object value, Origin origin) {
      List<OrganizationSpec> result = new ArrayList<>();
      for (SpecReader.Item item : reader.items(value, field(), origin)) {
        Optional<String> name = reader.requiredName(item.map(), "name", item.origin(), KIND);
        Optional<String> alias = reader.optionalName(item, "alias");
        Map<String, Object> fields = reader.fields(item.map(), item.origin(), KIND, OWN_FIELDS);
        if (item.map().get("groups") instanceof List<?> groups && !groups.isEmpty()) {
          reader
              .problems()
              .error(
                  item.origin().at("groups"),
                  "organization groups are not managed by realmctl yet");
        }
        Optional<List<Domain>> domains = domains(reader, item);
        Optional<Map<String, Origin>> idps = names(reader, item, "identityProviders", "alias");
        Optional<Map<String, Origin>> members = members(reader, item);
        if (name.isPresent()) {
          result.add(
              new OrganizationSpec(
                  alias.orElse(name.get()),
                  name.get(),
                  fields,
                  domains,
                  idps,
                  members,
                  item.origin()));
        }
      }
      return result;
    }

    private static Optional<List<Domain>> domains(SpecReader reader, SpecReader.Item item) {
      if (!item.map().containsKey("domains")) {
        return Optional.empty();
      }
      Map<String, Domain> domains = new LinkedHashMap<>();
      for (SpecReader.Item domain : reader.list(item.map(), "domains", item.origin())) {
        Optional<String> name =
            reader.requiredName(domain.map(), "name", domain.origin(), DOMAIN_KIND);
        Object verified = domain.map().getOrDefault("verified", false);
        if (!(verified instanceof Boolean)) {
          reader
              .problems()
              .error(domain.origin().valueAt("verified"), "'verified' must be true or false");
          continue;
        }
        for (String key : domain.map().keySet()) {
          if (!key.equals("name") && !key.equals("verified")) {
            reader
                .problems()
                .error(domain.origin().at(key), "unknown organization domain field '" + key + "'");
          }
        }
        name.ifPresent(
            n -> {
              if (domains.putIfAbsent(n, new Domain(n, (Boolean) verified)) != null) {
                reader
                    .problems()
                    .error(domain.origin().location(), "domain '" + n + "' is listed twice");
              }
            });
      }
      List<Domain> sorted = new ArrayList<>(domains.values());
      sorted.sort(Domain.BY_NAME);
      return Optional.of(sorted);
    }

    /**
     * Members as an export writes them ({@code username}, {@code membershipType}); only unmanaged
     * members can be declared, since a managed one is made by its identity provider's first login.
     */
    private static Optional<Map<String, Origin>> members(SpecReader reader, SpecReader.Item item) {
      Optional<Map<String, Origin>> members = names(reader, item, "members", "username");
      for (SpecReader.Item member : reader.list(item.map(), "members", item.origin())) {
        Object type = member.map().get("membershipType");
        if (type != null && !"UNMANAGED".equals(type)) {
          reader
              .problems()
              .error(
                  member.origin().valueAt("membershipType"),
                  "only UNMANAGED members can be declared: Keycloak makes managed members at"
                      + " their identity provider's first login");
        }
      }
      return members;
    }

    /** The entries of a list of mappings by one key, each with its line; other keys are ignored. */
    private static Optional<Map<String, Origin>> names(
        SpecReader reader, SpecReader.Item item, String field, String key) {
      if (!item.map().containsKey(field)) {
        return Optional.empty();
      }
      Map<String, Origin> names = new LinkedHashMap<>();
      for (SpecReader.Item entry : reader.list(item.map(), field, item.origin())) {
        reader
            .requiredName(entry.map(), key, entry.origin(), new SpecKind(field + " entry", ""))
            .ifPresent(
                n -> {
                  if (names.putIfAbsent(n, entry.origin()) != null) {
                    reader
                        .problems()
                        .error(
                            entry.origin().location(),
                            "'" + n + "' is listed twice in '" + field + "'");
                  }
                });
      }
      return Optional.of(names);
    }

    @Override
    public void check(RealmSpec spec, Problems problems) {
      Unique.names(
          spec.of(this), OrganizationSpec::alias, OrganizationSpec::origin, KIND, problems);
      Unique.names(spec.of(this), OrganizationSpec::name, OrganizationSpec::origin, KIND, problems);
    }

    public Map<String, Object> schema(FieldCatalog catalog) {
      Map<String, Object> organization = SpecSchema.object(catalog, KIND, List.of("name"), false);
      Map<String, Object> properties = SpecSchema.properties(organization);
      properties.put(
          "domains",
          SpecSchema.arrayOf(
              Map.of(
                  "type",
                  "object",
                  "required",
                  List.of("name"),
                  "properties",
                  Map.of("name", Map.of("type", "string"), "verified", Map.of("type", "boolean")),
                  "additionalProperties",
                  false)));
      properties.put(
          "identityProviders",
          SpecSchema.arrayOf(
              Map.of(
                  "type",
                  "object",
                  "required",
                  List.of("alias"),
                  "properties",
                  Map.of("alias", Map.of("type", "string")))));
      properties.put(
          "members",
          SpecSchema.arrayOf(
              Map.of(
                  "type",
                  "object",
                  "required",
                  List.of("username"),
                  "properties",
                  Map.of(
                      "username",
                      Map.of("type", "string"),
                      "membershipType",
                      Map.of("enum", List.of("UNMANAGED"))))));
      properties.put("groups", Map.of("type", "array", "maxItems", 0));
      return SpecSchema.arrayOf(organization);
    }
  }

  private static final SpecKind DOMAIN_KIND = new SpecKind("organization domain", "");
}
