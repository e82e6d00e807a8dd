package dev.realmctl.keycloak;

import dev.realmctl.plan.Change;
import dev.realmctl.plan.ResourceId;

final class ScopeLinkWriter implements ChangeWriter<ResourceId.ScopeLink> {
  @Override
  public Class<ResourceId.ScopeLink> idType() {
    return ResourceId.ScopeLink.class;
  }

  @Override
  public void create(ResourceId.ScopeLink id, Change change, Target target) {
    var client = target.client(id.realm(), id.clientId());
    String scopeId = target.scopeId(id.realm(), id.scope());
    if (id.isDefault()) {
      client.addDefaultClientScope(scopeId);
    } else {
      client.addOptionalClientScope(scopeId);
    }
  }

  @Override
  public void update(ResourceId.ScopeLink id, Change change, Target target) {
    throw new UnsupportedOperationException("a scope link is created or deleted, never updated");
  }

  @Override
  public void delete(ResourceId.ScopeLink id, Change change, Target target) {
    var client = target.client(id.realm(), id.clientId());
    String scopeId = target.scopeId(id.realm(), id.scope());
    if (id.isDefault()) {
      client.removeDefaultClientScope(scopeId);
    } else {
      client.removeOptionalClientScope(scopeId);
    }
  }
}
