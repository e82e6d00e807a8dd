package dev.realmctl.plan;

import dev.realmctl.spec.IdentityProviderMapperSpec;
import dev.realmctl.spec.IdentityProviderSpec;
import dev.realmctl.spec.Problem;
import dev.realmctl.spec.RealmSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Identity providers and their mappers. */
public final class IdentityProviderPlanner implements ResourcePlanner {

  public record Id(String realm, String alias) implements ResourceId {
    public Kind kind() {
      return Kind.IDENTITY_PROVIDER;
    }

    public String path() {
      return "identityProviders/" + alias;
    }
  }

  public record MapperId(String realm, String alias, String name) implements ResourceId {
    public Kind kind() {
      return Kind.IDENTITY_PROVIDER_MAPPER;
    }

    public String path() {
      return "identityProviders/" + alias + "/mappers/" + name;
    }
  }

  /** An identity provider as Keycloak has it (its client secret masked), with its mappers. */
  public record Live(Map<String, Object> fields, Map<String, Map<String, Object>> mappers) {}

  /** By alias. */
  public static final LivePart<Map<String, Live>> LIVE =
      new LivePart<>("identityProviders", Map.of());

  @Override
  public void plan(RealmSpec spec, LiveRealm live, PlanBuilder out) {
    Map<String, Live> existing = live.part(LIVE);
    out.report(references(spec, existing, out.providers));
    for (IdentityProviderSpec idp : spec.of(IdentityProviderSpec.SECTION)) {
      out.add(diff(spec.realm(), idp, Optional.ofNullable(existing.get(idp.alias()))));
    }
    for (IdentityProviderMapperSpec mapper : spec.of(IdentityProviderMapperSpec.SECTION)) {
      String alias = mapper.identityProviderAlias();
      if (aliases(spec).contains(alias) || existing.containsKey(alias)) {
        Optional<Map<String, Object>> have =
            Optional.ofNullable(existing.get(alias)).map(idp -> idp.mappers().get(mapper.name()));
        out.add(diff(spec.realm(), mapper, have));
      }
    }
  }

  /**
   * Each provider and mapper type the server lacks, and each mapper of a provider that exists
   * nowhere.
   */
  static List<Problem> references(
      RealmSpec spec, Map<String, Live> existing, ServerProviders providers) {
    List<Problem> problems = new ArrayList<>();
    for (IdentityProviderSpec idp : spec.of(IdentityProviderSpec.SECTION)) {
      String type = String.valueOf(idp.fields().get("providerId"));
      providers
          .missing(ServerProviders.IDENTITY_PROVIDER, type, "identity provider type")
          .ifPresent(p -> problems.add(Problem.error(idp.origin().valueAt("providerId"), p)));
    }
    Set<String> declared = aliases(spec);
    for (IdentityProviderMapperSpec mapper : spec.of(IdentityProviderMapperSpec.SECTION)) {
      String type = String.valueOf(mapper.fields().get("identityProviderMapper"));
      providers
          .missing(ServerProviders.IDENTITY_PROVIDER_MAPPER, type, "identity provider mapper type")
          .ifPresent(
              p ->
                  problems.add(
                      Problem.error(mapper.origin().valueAt("identityProviderMapper"), p)));
      String alias = mapper.identityProviderAlias();
      if (!declared.contains(alias) && !existing.containsKey(alias)) {
        problems.add(
            Problem.error(
                mapper.origin().at("identityProviderAlias"),
                "identity provider '"
                    + alias
                    + "' exists neither in the spec nor in realm '"
                    + spec.realm()
                    + "'"));
      }
    }
    return problems;
  }

  /** A provider is created with its config and client secret; an existing one is compared. */
  static Diff diff(String realm, IdentityProviderSpec idp, Optional<Live> have) {
    var id = new Id(realm, idp.alias());
    if (have.isPresent()) {
      return Diff.update(id, FieldDiff.between(idp.fields(), have.get().fields()), idp.origin());
    }
    Map<String, Object> create = new LinkedHashMap<>();
    create.put("alias", idp.alias());
    create.putAll(idp.fields());
    Map<String, Object> config = new LinkedHashMap<>(idp.config());
    idp.clientSecret().ifPresent(secret -> config.put("clientSecret", secret));
    create.put("config", config);
    return Diff.change(Change.create(id, create).at(idp.origin()));
  }

  static Diff diff(
      String realm, IdentityProviderMapperSpec mapper, Optional<Map<String, Object>> have) {
    String alias = mapper.identityProviderAlias();
    var id = new MapperId(realm, alias, mapper.name());
    if (have.isPresent()) {
      return Diff.update(id, FieldDiff.between(mapper.fields(), have.get()), mapper.origin());
    }
    Map<String, Object> create = new LinkedHashMap<>();
    create.put("name", mapper.name());
    create.put("identityProviderAlias", alias);
    create.putAll(mapper.fields());
    return Diff.change(Change.create(id, create).at(mapper.origin()));
  }

  private static Set<String> aliases(RealmSpec spec) {
    return spec.of(IdentityProviderSpec.SECTION).stream()
        .map(IdentityProviderSpec::alias)
        .collect(Collectors.toSet());
  }

  @Override
  public List<Owned> owned() {
    return List.of(new Providers(), new Mappers());
  }

  private static final class Providers implements Owned {
    @Override
    public Optional<String> recordedName(ResourceId id) {
      return id instanceof Id provider ? Optional.of(provider.alias()) : Optional.empty();
    }

    public String key() {
      return "identityProviders";
    }

    public Set<String> declared(RealmSpec spec) {
      return aliases(spec);
    }

    public Set<String> live(LiveRealm live) {
      return live.part(LIVE).keySet();
    }

    public Optional<Change> delete(String realm, String alias, LiveRealm live, Pruning pruning) {
      return Optional.of(Change.delete(new Id(realm, alias), live.part(LIVE).get(alias).fields()));
    }
  }

  /** Mappers, each recorded as {@code alias/name}; a provider on its way out takes them along. */
  private static final class Mappers implements Owned {
    @Override
    public Optional<String> recordedName(ResourceId id) {
      return id instanceof MapperId mapper
          ? Optional.of(mapper.alias() + "/" + mapper.name())
          : Optional.empty();
    }

    public String key() {
      return "identityProviderMappers";
    }

    public Set<String> declared(RealmSpec spec) {
      return spec.of(IdentityProviderMapperSpec.SECTION).stream()
          .map(IdentityProviderMapperSpec::key)
          .collect(Collectors.toSet());
    }

    public Set<String> live(LiveRealm live) {
      Set<String> keys = new java.util.HashSet<>();
      live.part(LIVE)
          .forEach((alias, idp) -> idp.mappers().keySet().forEach(m -> keys.add(alias + "/" + m)));
      return keys;
    }

    public Optional<Change> delete(String realm, String key, LiveRealm live, Pruning pruning) {
      String alias = key.substring(0, key.indexOf('/'));
      String name = key.substring(key.indexOf('/') + 1);
      if (pruning.gone("identityProviders").contains(alias)) {
        return Optional.empty();
      }
      return Optional.of(
          Change.delete(
              new MapperId(realm, alias, name), live.part(LIVE).get(alias).mappers().get(name)));
    }
  }
}
