package dev.realmctl.keycloak;

import dev.realmctl.plan.Change;
import dev.realmctl.plan.ResourceId;
import dev.realmctl.plan.ResourceId.MapperOwner;
import org.keycloak.admin.client.resource.ProtocolMappersResource;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

final class ProtocolMapperWriter implements ChangeWriter<ResourceId.ProtocolMapper> {
  @Override
  public Class<ResourceId.ProtocolMapper> idType() {
    return ResourceId.ProtocolMapper.class;
  }

  @Override
  public void create(ResourceId.ProtocolMapper id, Change change, Target target) {
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
  public boolean exists(ResourceId.ProtocolMapper id, Change change, Target target) {
    return ChangeWriter.found(() -> mapperId(id, target, mappers(id, target)));
  }

  @Override
  public void update(ResourceId.ProtocolMapper id, Change change, Target target) {
    ProtocolMappersResource mappers = mappers(id, target);
    String mapperId = mapperId(id, target, mappers);
    var current = mappers.getMapperById(mapperId);
    mappers.update(
        mapperId, Json.overlay(current, change.after(), ProtocolMapperRepresentation.class));
  }

  @Override
  public void delete(ResourceId.ProtocolMapper id, Change change, Target target) {
    ProtocolMappersResource mappers = mappers(id, target);
    mappers.delete(mapperId(id, target, mappers));
  }

  private static String mapperId(
      ResourceId.ProtocolMapper id, Target target, ProtocolMappersResource mappers) {
    return target.mapperId(
        id.realm(), id.owner().segment(), id.ownerName(), id.name(), mappers::getMappers);
  }

  private static ProtocolMappersResource mappers(ResourceId.ProtocolMapper id, Target target) {
    return id.owner() == MapperOwner.CLIENT
        ? target.client(id.realm(), id.ownerName()).getProtocolMappers()
        : target
            .realm(id.realm())
            .clientScopes()
            .get(target.scopeId(id.realm(), id.ownerName()))
            .getProtocolMappers();
  }
}
