package dev.realmctl.keycloak;

import dev.realmctl.plan.Change;
import dev.realmctl.plan.ResourceId;
import java.util.Optional;

final class MembershipWriter implements ChangeWriter<ResourceId.Membership> {
  @Override
  public Class<ResourceId.Membership> idType() {
    return ResourceId.Membership.class;
  }

  @Override
  public void create(ResourceId.Membership id, Change change, Target target) {
    target
        .user(id.realm(), id.username(), Optional.empty())
        .joinGroup(target.groupId(id.realm(), id.group()));
  }

  @Override
  public void update(ResourceId.Membership id, Change change, Target target) {
    throw new UnsupportedOperationException("a membership is created or deleted, never updated");
  }

  @Override
  public void delete(ResourceId.Membership id, Change change, Target target) {
    target
        .user(id.realm(), id.username(), Optional.empty())
        .leaveGroup(target.groupId(id.realm(), id.group()));
  }
}
