package dev.realmctl.plan;

import dev.realmctl.spec.IdentityProviderSpec;
import dev.realmctl.spec.OrganizationSpec;
import dev.realmctl.spec.OrganizationSpec.Domain;
import dev.realmctl.spec.Origin;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.UserSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Organizations, their linked identity providers and their members. Links are kinds of their own,
 * so that apply adds a member or links a provider before it removes any (make before break), and a
 * declared list of either is the exact set.
 */
public final class OrganizationPlanner implements ResourcePlanner {

  public record Id(String realm, String alias) implements ResourceId {
    public Kind kind() {
      return Kind.ORGANIZATION;
    }

    public String path() {
      return "organizations/" + alias;
    }
  }

  public record IdentityProviderLinkId(String realm, String organization, String alias)
      implements ResourceId {
    public Kind kind() {
      return Kind.ORGANIZATION_IDENTITY_PROVIDER;
    }

    public String path() {
      return "organizations/" + organization + "/identityProviders/" + alias;
    }
  }

  public record MemberId(String realm, String organization, String username) implements ResourceId {
    public Kind kind() {
      return Kind.ORGANIZATION_MEMBER;
    }

    public String path() {
      return "organizations/" + organization + "/members/" + username;
    }
  }

  /**
   * One organization as Keycloak has it. Managed members came from their identity provider's login
   * and go when they leave, user and all: realmctl never removes them.
   */
  public record Live(
      Map<String, Object> fields,
      Set<String> identityProviders,
      Set<String> members,
      Set<String> managedMembers) {}

  /**
   * Organizations by alias, and what the edge looked up to check references the rest of the
   * snapshot may not hold: users named as members, the realm's identity provider aliases.
   */
  public record Organizations(
      Map<String, Live> byAlias, Set<String> users, Set<String> identityProviders) {}

  public static final LivePart<Organizations> LIVE =
      new LivePart<>("organizations", new Organizations(Map.of(), Set.of(), Set.of()));

  @Override
  public void plan(RealmSpec spec, LiveRealm live, PlanBuilder out) {
    if (!spec.declares(OrganizationSpec.SECTION)) {
      return;
    }
    Origin section = spec.origin().child(OrganizationSpec.SECTION.field());
    Optional<dev.realmctl.version.KeycloakVersion> missing =
        out.keycloak.missingField(RealmSpec.KIND, OrganizationSpec.SECTION.field());
    if (missing.isPresent()) {
      out.problems.error(
          section.location(), "realm field 'organizations' " + out.keycloak.needs(missing.get()));
      return;
    }
    List<OrganizationSpec> organizations = spec.of(OrganizationSpec.SECTION);
    if (!organizations.isEmpty() && !enabled(spec, live)) {
      out.problems.error(
          spec.settings().containsKey("organizationsEnabled")
              ? spec.origin().valueAt("organizationsEnabled")
              : section.location(),
          "organizations need 'organizationsEnabled: true', in the spec or in realm '"
              + spec.realm()
              + "'");
      return;
    }
    Organizations have = live.part(LIVE);
    Set<String> providers = new HashSet<>(have.identityProviders());
    providers.addAll(live.part(IdentityProviderPlanner.LIVE).keySet());
    spec.of(IdentityProviderSpec.SECTION).forEach(idp -> providers.add(idp.alias()));
    Set<String> users = new HashSet<>(have.users());
    users.addAll(live.part(UserPlanner.LIVE).keySet());
    spec.of(UserSpec.SECTION).stream().map(UserSpec::username).forEach(users::add);
    have.byAlias().values().forEach(org -> users.addAll(org.members()));

    for (OrganizationSpec org : organizations) {
      boolean referencesExist =
          exist(org.identityProviders(), providers, "identity provider", "alias", spec, out)
              & exist(org.members(), users, "user", "username", spec, out);
      if (!referencesExist) {
        continue;
      }
      var id = new Id(spec.realm(), org.alias());
      Live existing = have.byAlias().get(org.alias());
      if (existing == null) {
        Map<String, Object> create = new LinkedHashMap<>();
        create.put("name", org.name());
        create.put("alias", org.alias());
        create.putAll(org.fields());
        org.domains().ifPresent(domains -> create.put("domains", asMaps(domains)));
        out.add(Change.create(id, create).at(org.origin()));
      } else {
        Map<String, Object> declared = new LinkedHashMap<>(org.fields());
        declared.put("name", org.name());
        List<FieldChange> fields = new ArrayList<>(FieldDiff.between(declared, existing.fields()));
        org.domains()
            .ifPresent(
                want -> {
                  List<Domain> live2 = domains(existing.fields());
                  if (!want.equals(live2)) {
                    fields.add(
                        new FieldChange(
                            "domains",
                            Optional.empty(),
                            Optional.of(asMaps(live2)),
                            Optional.of(asMaps(want))));
                  }
                });
        out.updateOrCount(id, fields, org.origin());
      }
      Live links = existing == null ? new Live(Map.of(), Set.of(), Set.of(), Set.of()) : existing;
      org.identityProviders()
          .ifPresent(
              want ->
                  links(
                      want,
                      links.identityProviders(),
                      Set.of(),
                      alias -> new IdentityProviderLinkId(spec.realm(), org.alias(), alias),
                      "alias",
                      out));
      org.members()
          .ifPresent(
              want ->
                  links(
                      want,
                      links.members(),
                      links.managedMembers(),
                      username -> new MemberId(spec.realm(), org.alias(), username),
                      "username",
                      out));
    }
  }

  private static boolean enabled(RealmSpec spec, LiveRealm live) {
    Object declared = spec.settings().get("organizationsEnabled");
    Object value = declared != null ? declared : live.settings().get("organizationsEnabled");
    return Boolean.TRUE.equals(value) || "true".equals(value);
  }

  /** Whether each name refers to something that exists; errors at each name that does not. */
  private static boolean exist(
      Optional<Map<String, Origin>> names,
      Set<String> known,
      String label,
      String key,
      RealmSpec spec,
      PlanBuilder out) {
    boolean all = true;
    for (var entry : names.orElse(Map.of()).entrySet()) {
      if (!known.contains(entry.getKey())) {
        all = false;
        out.problems.error(
            entry.getValue().valueAt(key),
            label
                + " '"
                + entry.getKey()
                + "' exists neither in the spec nor in realm '"
                + spec.realm()
                + "'");
      }
    }
    return all;
  }

  /** Adds what is missing, removes what is extra; Keycloak's own (managed) links are spared. */
  private static void links(
      Map<String, Origin> want,
      Set<String> have,
      Set<String> spared,
      java.util.function.Function<String, ResourceId> id,
      String key,
      PlanBuilder out) {
    for (var entry : want.entrySet()) {
      if (have.contains(entry.getKey()) || spared.contains(entry.getKey())) {
        out.unchanged++;
      } else {
        out.add(
            Change.create(id.apply(entry.getKey()), Map.of(key, entry.getKey()))
                .at(entry.getValue()));
      }
    }
    for (String name : new TreeSet<>(have)) {
      if (!want.containsKey(name)) {
        out.add(Change.delete(id.apply(name), Map.of(key, name)));
      }
    }
  }

  /** Keycloak keeps domains as a set; sorted by name they compare as lists. */
  static List<Domain> domains(Map<String, Object> fields) {
    List<Domain> result = new ArrayList<>();
    if (fields.get("domains") instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> map && map.get("name") instanceof String name) {
          result.add(new Domain(name, Boolean.TRUE.equals(map.get("verified"))));
        }
      }
    }
    result.sort(Domain.BY_NAME);
    return result;
  }

  static List<Map<String, Object>> asMaps(List<Domain> domains) {
    return domains.stream()
        .map(
            d -> {
              Map<String, Object> map = new LinkedHashMap<>();
              map.put("name", d.name());
              map.put("verified", d.verified());
              return map;
            })
        .toList();
  }

  @Override
  public List<Owned> owned() {
    return List.of(new Owning());
  }

  /** Organizations by alias; their links go with them. */
  private static final class Owning implements Owned {
    public String key() {
      return "organizations";
    }

    public Set<String> declared(RealmSpec spec) {
      return spec.of(OrganizationSpec.SECTION).stream()
          .map(OrganizationSpec::alias)
          .collect(Collectors.toSet());
    }

    public Set<String> live(LiveRealm live) {
      return live.part(LIVE).byAlias().keySet();
    }

    public Optional<Change> delete(String realm, String alias, LiveRealm live, Pruning pruning) {
      return Optional.of(
          Change.delete(new Id(realm, alias), live.part(LIVE).byAlias().get(alias).fields()));
    }
  }
}
