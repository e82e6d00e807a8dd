package dev.realmctl.keycloak;

import dev.realmctl.plan.Change;
import dev.realmctl.plan.Kind;
import dev.realmctl.plan.RoleMappingPlanner;
import java.util.List;
import java.util.Map;
import org.keycloak.admin.client.resource.RoleMappingResource;
import org.keycloak.admin.client.resource.RoleScopeResource;
import org.keycloak.representations.idm.RoleRepresentation;

/**
 * Role mappings of every holder: users, groups, and the role scopes of clients and client scopes.
 * One writer for all of them; each holder's edge reads its own mappings with it ({@link UserEdge},
 * {@link GroupEdge}, {@link ScopeMappingEdge}).
 */
final class RoleMappingEdge implements KindEdge {

  @Override
  public Map<Kind, ChangeWriter<?>> writers() {
    return Map.of(Kind.ROLE_MAPPING, new RoleMappingWriter());
  }

  private static final class RoleMappingWriter implements ChangeWriter<RoleMappingPlanner.Id> {
    @Override
    public Class<RoleMappingPlanner.Id> idType() {
      return RoleMappingPlanner.Id.class;
    }

    @Override
    public void create(RoleMappingPlanner.Id id, Change change, Target target) {
      scope(id, target).add(List.of(role(id, target)));
    }

    @Override
    public void update(RoleMappingPlanner.Id id, Change change, Target target) {
      throw new UnsupportedOperationException(
          "a role mapping is created or deleted, never updated");
    }

    @Override
    public void delete(RoleMappingPlanner.Id id, Change change, Target target) {
      scope(id, target).remove(List.of(role(id, target)));
    }

    private static RoleRepresentation role(RoleMappingPlanner.Id id, Target target) {
      return target.role(id.realm(), id.clientId(), id.role());
    }

    private static RoleScopeResource scope(RoleMappingPlanner.Id id, Target target) {
      var subject = id.subject();
      RoleMappingResource mappings =
          switch (subject.holder()) {
            case USER ->
                target.user(id.realm(), subject.name(), subject.serviceAccountOf()).roles();
            case GROUP ->
                target
                    .realm(id.realm())
                    .groups()
                    .group(target.groupId(id.realm(), subject.name()))
                    .roles();
            case CLIENT -> target.client(id.realm(), subject.name()).getScopeMappings();
            case CLIENT_SCOPE ->
                target
                    .realm(id.realm())
                    .clientScopes()
                    .get(target.scopeId(id.realm(), subject.name()))
                    .getScopeMappings();
          };
      return id.clientId()
          .map(clientId -> mappings.clientLevel(target.clientUuid(id.realm(), clientId)))
          .orElseGet(mappings::realmLevel);
    }
  }
}
