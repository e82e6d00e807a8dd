package dev.realmctl.plan;

import dev.realmctl.spec.IdentityProviderMapperSpec;
import dev.realmctl.spec.IdentityProviderSpec;
import dev.realmctl.spec.RealmSpec;
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
    for (IdentityProviderSpec idp : spec.of(IdentityProviderSpec.SECTION)) {
      String type = String.valueOf(idp.fields().get("providerId"));
      out.providers
          .missing(ServerProviders.IDENTITY_PROVIDER, type, "identity provider type")
          .ifPresent(problem -> out.problems.error(idp.origin().valueAt("providerId"), problem));
      var id = new Id(spec.realm(), idp.alias());
      Live have = existing.get(idp.alias());
      if (have == null) {
        Map<String, Object> create = new LinkedHashMap<>();
        create.put("alias", idp.alias());
        create.putAll(idp.fields());
        Map<String, Object> config = new LinkedHashMap<>(idp.config());
        idp.clientSecret().ifPresent(secret -> config.put("clientSecret", secret));
        create.put("config", config);
        out.add(Change.create(id, create).at(idp.origin()));
      } else {
        out.updateOrCount(id, FieldDiff.between(idp.fields(), have.fields()), idp.origin());
      }
    }
    Set<String> declared = aliases(spec);
    for (IdentityProviderMapperSpec mapper : spec.of(IdentityProviderMapperSpec.SECTION)) {
      String type = String.valueOf(mapper.fields().get("identityProviderMapper"));
      out.providers
          .missing(ServerProviders.IDENTITY_PROVIDER_MAPPER, type, "identity provider mapper type")
          .ifPresent(
              problem ->
                  out.problems.error(mapper.origin().valueAt("identityProviderMapper"), problem));
      String alias = mapper.identityProviderAlias();
      if (!declared.contains(alias) && !existing.containsKey(alias)) {
        out.problems.error(
            mapper.origin().at("identityProviderAlias"),
            "identity provider '"
                + alias
                + "' exists neither in the spec nor in realm '"
                + spec.realm()
                + "'");
        continue;
      }
      var id = new MapperId(spec.realm(), alias, mapper.name());
      Map<String, Object> have =
          Optional.ofNullable(existing.get(alias))
              .map(idp -> idp.mappers().get(mapper.name()))
              .orElse(null);
      if (have == null) {
        Map<String, Object> create = new LinkedHashMap<>();
        create.put("name", mapper.name());
        create.put("identityProviderAlias", alias);
        create.putAll(mapper.fields());
        out.add(Change.create(id, create).at(mapper.origin()));
      } else {
        out.updateOrCount(id, FieldDiff.between(mapper.fields(), have), mapper.origin());
      }
    }
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
