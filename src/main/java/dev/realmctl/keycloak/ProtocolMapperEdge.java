package dev.realmctl.keycloak;

import dev.realmctl.plan.Change;
import dev.realmctl.plan.Kind;
import dev.realmctl.plan.ProtocolMapperPlanner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.keycloak.admin.client.resource.ProtocolMappersResource;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

/**
 * Protocol mappers of clients and client scopes. They come with their owner's read ({@link
 * ClientEdge}, {@link ClientScopeEdge}), which records their ids and exports them through here.
 */
final class ProtocolMapperEdge implements KindEdge {

  /** Each mapper by name, its id recorded under its owner. */
  static Map<String, Map<String, Object>> read(
      List<ProtocolMapperRepresentation> mappers,
      String ownerSegment,
      String ownerName,
      RealmIds ids) {
    Map<String, Map<String, Object>> result = new HashMap<>();
    for (ProtocolMapperRepresentation mapper :
        mappers == null ? List.<ProtocolMapperRepresentation>of() : mappers) {
      ids.mappers.put(
          RealmIds.mapperKey(ownerSegment, ownerName, mapper.getName()), mapper.getId());
      result.put(mapper.getName(), Json.toMap(mapper));
    }
    return result;
  }

  /** Protocol mappers without their ids, by name. */
  static List<Map<String, Object>> export(Map<String, Map<String, Object>> mappers) {
    List<Map<String, Object>> result = new ArrayList<>();
    new TreeMap<>(mappers)
        .values()
        .forEach(
            mapper -> {
              Map<String, Object> out = new LinkedHashMap<>();
              out.put("name", mapper.get("name"));
              out.put("protocol", mapper.get("protocol"));
              out.put("protocolMapper", mapper.get("protocolMapper"));
              out.put("config", ExportFields.sortedMap(mapper.get("config")));
              result.add(out);
            });
    return result;
  }

  @Override
  public Map<Kind, ChangeWriter<?>> writers() {
    return Map.of(Kind.PROTOCOL_MAPPER, new ProtocolMapperWriter());
  }

  private static final class ProtocolMapperWriter
      implements ChangeWriter<ProtocolMapperPlanner.Id> {
    @Override
    public Class<ProtocolMapperPlanner.Id> idType() {
      return ProtocolMapperPlanner.Id.class;
    }

    @Override
    public void create(ProtocolMapperPlanner.Id id, Change change, Target target) {
      String created =
          Target.createdId(
              mappers(id, target)
                  .createMapper(
                      Json.toRepresentation(change.after(), ProtocolMapperRepresentation.class)));
      target
          .ids(id.realm())
          .mappers
          .put(RealmIds.mapperKey(id.owner().segment(), id.ownerName(), id.name()), created);
    }

    @Override
    public boolean exists(ProtocolMapperPlanner.Id id, Change change, Target target) {
      return ChangeWriter.found(() -> mapperId(id, target, mappers(id, target)));
    }

    @Override
    public void update(ProtocolMapperPlanner.Id id, Change change, Target target) {
      ProtocolMappersResource mappers = mappers(id, target);
      String mapperId = mapperId(id, target, mappers);
      var current = mappers.getMapperById(mapperId);
      mappers.update(
          mapperId, Json.overlay(current, change.after(), ProtocolMapperRepresentation.class));
    }

    @Override
    public void delete(ProtocolMapperPlanner.Id id, Change change, Target target) {
      ProtocolMappersResource mappers = mappers(id, target);
      mappers.delete(mapperId(id, target, mappers));
    }

    private static String mapperId(
        ProtocolMapperPlanner.Id id, Target target, ProtocolMappersResource mappers) {
      return target.mapperId(
          id.realm(), id.owner().segment(), id.ownerName(), id.name(), mappers::getMappers);
    }

    private static ProtocolMappersResource mappers(ProtocolMapperPlanner.Id id, Target target) {
      return id.owner() == ProtocolMapperPlanner.Owner.CLIENT
          ? target.client(id.realm(), id.ownerName()).getProtocolMappers()
          : target
              .realm(id.realm())
              .clientScopes()
              .get(target.scopeId(id.realm(), id.ownerName()))
              .getProtocolMappers();
    }
  }
}
