package dev.realmctl.keycloak;

import dev.realmctl.plan.Change;
import dev.realmctl.plan.IdentityProviderPlanner;
import dev.realmctl.plan.IdentityProviderPlanner.Id;
import dev.realmctl.plan.IdentityProviderPlanner.Live;
import dev.realmctl.plan.IdentityProviderPlanner.MapperId;
import dev.realmctl.plan.Kind;
import dev.realmctl.plan.LiveRealm;
import dev.realmctl.plan.Ownership;
import dev.realmctl.spec.IdentityProviderMapperSpec;
import dev.realmctl.spec.IdentityProviderSpec;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.UserSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.keycloak.admin.client.resource.IdentityProviderResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;

/**
 * Identity providers and their mappers. Keycloak answers every read of a provider with its client
 * secret masked as {@code **********}, and keeps the stored secret when an update sends the mask
 * back: so updates lay changes over what was read, and the secret is only ever sent on create.
 */
final class IdentityProviderEdge implements KindEdge {
  private static final String MASK = "**********";

  @Override
  public Map<Kind, ChangeWriter<?>> writers() {
    return Map.of(
        Kind.IDENTITY_PROVIDER, new Providers(), Kind.IDENTITY_PROVIDER_MAPPER, new Mappers());
  }

  /** One request for the providers, one per provider for its mappers; none when none matter. */
  @Override
  public LiveRealm read(RealmSpec spec, RealmRead read, LiveRealm live) {
    RealmResource realm = read.realm();
    RealmIds ids = read.ids();
    boolean owned = !Ownership.recordedIn(live.settings()).of("identityProviders").isEmpty();
    // Users' federated identities name providers too, checked against what exists.
    boolean linked =
        spec.of(UserSpec.SECTION).stream().anyMatch(u -> u.federatedIdentities().isPresent());
    if (!spec.declares(IdentityProviderSpec.SECTION)
        && !spec.declares(IdentityProviderMapperSpec.SECTION)
        && !owned
        && !linked) {
      return live;
    }
    Map<String, Live> providers = new HashMap<>();
    for (IdentityProviderRepresentation idp : realm.identityProviders().findAll()) {
      Map<String, Map<String, Object>> mappers = new HashMap<>();
      for (IdentityProviderMapperRepresentation mapper :
          realm.identityProviders().get(idp.getAlias()).getMappers()) {
        ids.byPath.put(mapperPath(idp.getAlias(), mapper.getName()), mapper.getId());
        mappers.put(mapper.getName(), Json.toMap(mapper));
      }
      providers.put(idp.getAlias(), new Live(Json.toMap(idp), mappers));
    }
    return live.with(IdentityProviderPlanner.LIVE, providers);
  }

  @Override
  public void export(String realm, LiveRealm live, Map<String, Object> spec, List<String> notes) {
    List<Map<String, Object>> providers = new ArrayList<>();
    List<Map<String, Object>> mappers = new ArrayList<>();
    new TreeMap<>(live.part(IdentityProviderPlanner.LIVE))
        .forEach(
            (alias, idp) -> {
              Map<String, Object> out = new LinkedHashMap<>(idp.fields());
              out.remove("internalId");
              out.remove("types");
              // Keycloak's internal id of a linked organization: the link is the organization's.
              out.remove("organizationId");
              if (out.get("config") instanceof Map<?, ?> config
                  && config.containsKey("clientSecret")) {
                Map<String, Object> copy = new TreeMap<>();
                config.forEach((k, v) -> copy.put(String.valueOf(k), v));
                String variable = ExportFields.envName(realm, alias + "_idp");
                copy.put("clientSecret", "${env:" + variable + "}");
                out.put("config", copy);
                notes.add(
                    "identity provider " + alias + ": client secret not exported; set " + variable);
              }
              providers.add(out);
              new TreeMap<>(idp.mappers())
                  .values()
                  .forEach(
                      mapper -> {
                        Map<String, Object> copy = new LinkedHashMap<>(mapper);
                        copy.remove("id");
                        mappers.add(copy);
                      });
            });
    if (!providers.isEmpty()) {
      spec.put("identityProviders", providers);
    }
    if (!mappers.isEmpty()) {
      spec.put("identityProviderMappers", mappers);
    }
  }

  static String mapperPath(String alias, String name) {
    return "identityProviders/" + alias + "/mappers/" + name;
  }

  private static IdentityProviderResource provider(Target target, String realm, String alias) {
    return target.realm(realm).identityProviders().get(alias);
  }

  private static final class Providers implements ChangeWriter<Id> {
    @Override
    public Class<Id> idType() {
      return Id.class;
    }

    public void create(Id id, Change change, Target target) {
      Target.createdId(
          target
              .realm(id.realm())
              .identityProviders()
              .create(Json.toRepresentation(change.after(), IdentityProviderRepresentation.class)));
    }

    @Override
    public boolean exists(Id id, Change change, Target target) {
      return ChangeWriter.found(() -> provider(target, id.realm(), id.alias()).toRepresentation());
    }

    public void update(Id id, Change change, Target target) {
      // Keycloak's provider PUT builds the provider anew from what it is sent, so the write is the
      // representation read just before it with the planned fields laid over it.
      var provider = provider(target, id.realm(), id.alias());
      IdentityProviderRepresentation fresh = provider.toRepresentation();
      PlannedFields.check(
          change,
          Json.toMap(fresh),
          target,
          AdminEvents.Resource.at(
              "identity-provider/instances/" + id.alias(), "IDENTITY_PROVIDER"));
      provider.update(Json.overlay(fresh, change.after(), IdentityProviderRepresentation.class));
    }

    public void delete(Id id, Change change, Target target) {
      provider(target, id.realm(), id.alias()).remove();
    }
  }

  private static final class Mappers implements ChangeWriter<MapperId> {
    @Override
    public Class<MapperId> idType() {
      return MapperId.class;
    }

    public void create(MapperId id, Change change, Target target) {
      String created =
          Target.createdId(
              provider(target, id.realm(), id.alias())
                  .addMapper(
                      Json.toRepresentation(
                          change.after(), IdentityProviderMapperRepresentation.class)));
      target.ids(id.realm()).byPath.put(mapperPath(id.alias(), id.name()), created);
    }

    public void update(MapperId id, Change change, Target target) {
      var provider = provider(target, id.realm(), id.alias());
      String mapperId = mapperId(target, id);
      IdentityProviderMapperRepresentation fresh = provider.getMapperById(mapperId);
      PlannedFields.check(
          change,
          Json.toMap(fresh),
          target,
          AdminEvents.Resource.at(
              "identity-provider/instances/" + id.alias() + "/mappers/" + mapperId,
              "IDENTITY_PROVIDER_MAPPER"));
      provider.update(
          mapperId,
          Json.overlay(fresh, change.after(), IdentityProviderMapperRepresentation.class));
    }

    public void delete(MapperId id, Change change, Target target) {
      provider(target, id.realm(), id.alias()).delete(mapperId(target, id));
    }

    @Override
    public boolean exists(MapperId id, Change change, Target target) {
      return ChangeWriter.found(() -> mapperId(target, id));
    }

    private static String mapperId(Target target, MapperId id) {
      return target
          .ids(id.realm())
          .byPath
          .computeIfAbsent(
              mapperPath(id.alias(), id.name()),
              path ->
                  provider(target, id.realm(), id.alias()).getMappers().stream()
                      .filter(m -> m.getName().equals(id.name()))
                      .map(IdentityProviderMapperRepresentation::getId)
                      .findFirst()
                      .orElseThrow(
                          () ->
                              new Target.Absent(
                                  "identity provider mapper " + path + " not found")));
    }
  }
}
