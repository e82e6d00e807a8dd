package dev.realmctl.plan;

import dev.realmctl.spec.IdentityProviderSpec;
import dev.realmctl.spec.OrganizationSpec;
import dev.realmctl.spec.OrganizationSpec.Domain;
import dev.realmctl.spec.Origin;
import dev.realmctl.spec.Problem;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.UserSpec;
import dev.realmctl.version.VersionBehaviour;
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
    Optional<Problem> refused = refusal(spec, live, out.keycloak);
    if (refused.isPresent()) {
      out.report(List.of(refused.get()));
      return;
    }
    Organizations have = live.part(LIVE);
    Known known = Known.of(spec, live);
    for (OrganizationSpec org : spec.of(OrganizationSpec.SECTION)) {
      List<Problem> missing = references(org, known, spec.realm());
      out.report(missing);
      if (missing.isEmpty()) {
        out.add(diff(spec.realm(), org, Optional.ofNullable(have.byAlias().get(org.alias()))));
      }
    }
  }

  /** Why the server or the realm takes no organizations at all, if it does not. */
  static Optional<Problem> refusal(RealmSpec spec, LiveRealm live, VersionBehaviour keycloak) {
    Origin section = spec.origin().child(OrganizationSpec.SECTION.field());
    Optional<dev.realmctl.version.KeycloakVersion> missing =
        keycloak.missingField(RealmSpec.KIND, OrganizationSpec.SECTION.field());
    if (missing.isPresent()) {
      return Optional.of(
          Problem.error(
              section.location(), "realm field 'organizations' " + keycloak.needs(missing.get())));
    }
    if (!spec.of(OrganizationSpec.SECTION).isEmpty() && !enabled(spec, live)) {
      return Optional.of(
          Problem.error(
              spec.settings().containsKey("organizationsEnabled")
                  ? spec.origin().valueAt("organizationsEnabled")
                  : section.location(),
              "organizations need 'organizationsEnabled: true', in the spec or in realm '"
                  + spec.realm()
                  + "'"));
    }
    return Optional.empty();
  }

  private static boolean enabled(RealmSpec spec, LiveRealm live) {
    Object declared = spec.settings().get("organizationsEnabled");
    Object value = declared != null ? declared : live.settings().get("organizationsEnabled");
    return Boolean.TRUE.equals(value) || "true".equals(value);
  }

  /** The identity providers and users an organization may name: declared, live, or looked up. */
  record Known(Set<String> identityProviders, Set<String> users) {
    static Known of(RealmSpec spec, LiveRealm live) {
      Organizations have = live.part(LIVE);
      Set<String> providers = new HashSet<>(have.identityProviders());
      providers.addAll(live.part(IdentityProviderPlanner.LIVE).keySet());
      spec.of(IdentityProviderSpec.SECTION).forEach(idp -> providers.add(idp.alias()));
      Set<String> users = new HashSet<>(have.users());
      users.addAll(live.part(UserPlanner.LIVE).keySet());
      spec.of(UserSpec.SECTION).stream().map(UserSpec::username).forEach(users::add);
      have.byAlias().values().forEach(org -> users.addAll(org.members()));
      return new Known(providers, users);
    }
  }

  /** Each linked identity provider and member that exists nowhere, at its name. */
  static List<Problem> references(OrganizationSpec org, Known known, String realm) {
    List<Problem> problems = new ArrayList<>();
    missing(org.identityProviders(), known.identityProviders())
        .forEach(name -> problems.add(unknown(name, "identity provider", "alias", realm)));
    missing(org.members(), known.users())
        .forEach(name -> problems.add(unknown(name, "user", "username", realm)));
    return problems;
  }

  private static List<Map.Entry<String, Origin>> missing(
      Optional<Map<String, Origin>> names, Set<String> known) {
    return names.orElse(Map.of()).entrySet().stream()
        .filter(e -> !known.contains(e.getKey()))
        .toList();
  }

  private static Problem unknown(
      Map.Entry<String, Origin> name, String label, String key, String realm) {
    return Problem.error(
        name.getValue().valueAt(key),
        label + " '" + name.getKey() + "' exists neither in the spec nor in realm '" + realm + "'");
  }

  /** The organization's fields and domains, then its links, against what exists (if it does). */
  static Diff diff(String realm, OrganizationSpec org, Optional<Live> existing) {
    var id = new Id(realm, org.alias());
    Diff diff;
    if (existing.isEmpty()) {
      Map<String, Object> create = new LinkedHashMap<>();
      create.put("name", org.name());
      create.put("alias", org.alias());
      create.putAll(org.fields());
      org.domains().ifPresent(domains -> create.put("domains", asMaps(domains)));
      diff = Diff.change(Change.create(id, create).at(org.origin()));
    } else {
      Map<String, Object> declared = new LinkedHashMap<>(org.fields());
      declared.put("name", org.name());
      List<FieldChange> fields =
          new ArrayList<>(FieldDiff.between(declared, existing.get().fields()));
      org.domains()
          .ifPresent(
              want -> {
                List<Domain> have = domains(existing.get().fields());
                if (!want.equals(have)) {
                  fields.add(
                      new FieldChange(
                          "domains",
                          Optional.empty(),
                          Optional.of(asMaps(have)),
                          Optional.of(asMaps(want))));
                }
              });
      diff = Diff.update(id, fields, org.origin());
    }
    Live links = existing.orElse(new Live(Map.of(), Set.of(), Set.of(), Set.of()));
    if (org.identityProviders().isPresent()) {
      diff =
          diff.plus(
              links(
                  org.identityProviders().get(),
                  links.identityProviders(),
                  Set.of(),
                  alias -> new IdentityProviderLinkId(realm, org.alias(), alias),
                  "alias"));
    }
    if (org.members().isPresent()) {
      diff =
          diff.plus(
              links(
                  org.members().get(),
                  links.members(),
                  links.managedMembers(),
                  username -> new MemberId(realm, org.alias(), username),
                  "username"));
    }
    return diff;
  }

  /** Adds what is missing, removes what is extra; Keycloak's own (managed) links are spared. */
  private static Diff links(
      Map<String, Origin> want,
      Set<String> have,
      Set<String> spared,
      java.util.function.Function<String, ResourceId> id,
      String key) {
    Diff diff = Diff.NONE;
    for (var entry : want.entrySet()) {
      diff =
          diff.plus(
              have.contains(entry.getKey()) || spared.contains(entry.getKey())
                  ? Diff.noChange()
                  : Diff.change(
                      Change.create(id.apply(entry.getKey()), Map.of(key, entry.getKey()))
                          .at(entry.getValue())));
    }
    for (String name : new TreeSet<>(have)) {
      if (!want.containsKey(name)) {
        diff = diff.plus(Diff.change(Change.delete(id.apply(name), Map.of(key, name))));
      }
    }
    return diff;
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
    @Override
    public Optional<String> recordedName(ResourceId id) {
      return id instanceof Id organization ? Optional.of(organization.alias()) : Optional.empty();
    }

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
