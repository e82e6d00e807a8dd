package dev.realmctl.keycloak;

import dev.realmctl.plan.Change;
import dev.realmctl.plan.ResourceId;
import java.util.Optional;

final class MembershipWriter implements ChangeWriter {

  @Override
  public void create(Change change, Target target) {
    var id = (ResourceId.Membership) change.id();
    target
        .user(id.realm(), id.username(), Optional.empty())
        .joinGroup(target.groupId(id.realm(), id.group()));
  }

  @Override
  public void update(Change change, Target target) {
    throw new UnsupportedOperationException("a membership is created or deleted, never updated");
  }

  @Override
  public void delete(Change change, Target target) {
    var id = (ResourceId.Membership) change.id();
    target
        .user(id.realm(), id.username(), Optional.empty())
        .leaveGroup(target.groupId(id.realm(), id.group()));
  }
}
