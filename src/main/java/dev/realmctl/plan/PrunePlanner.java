package dev.realmctl.plan;

import dev.realmctl.spec.RealmSpec;
import java.util.Optional;
import java.util.Set;

/**
 * With {@code --prune} only: deletes what realmctl owns in the realm and the spec no longer
 * declares. Built-ins are never owned, and are refused here again should the record say otherwise.
 */
final class PrunePlanner implements ResourcePlanner {

  @Override
  public void plan(RealmSpec spec, LiveRealm live, PlanBuilder out) {
    if (!out.prune || !out.realmExists) {
      return;
    }
    Ownership recorded = Ownership.recordedIn(live);
    Ownership declared = Ownership.declaredBy(spec);
    String realm = spec.realm();
    Set<String> goneClients = gone(recorded, declared, Ownership.CLIENTS, live.clients().keySet());
    for (String clientId : goneClients) {
      if (!Builtins.CLIENTS.contains(clientId)) {
        out.add(
            Change.delete(
                new ResourceId.Client(realm, clientId), live.clients().get(clientId).fields()));
      }
    }
    for (String scope :
        gone(recorded, declared, Ownership.CLIENT_SCOPES, live.clientScopes().keySet())) {
      if (!Builtins.clientScope(scope)) {
        out.add(
            Change.delete(
                new ResourceId.ClientScope(realm, scope), live.clientScopes().get(scope).fields()));
      }
    }
    for (String role : gone(recorded, declared, Ownership.ROLES, live.realmRoles().keySet())) {
      if (!Builtins.realmRole(realm, role)) {
        out.add(
            Change.delete(
                new ResourceId.Role(realm, Optional.empty(), role), live.realmRoles().get(role)));
      }
    }
    for (String key : gone(recorded, declared, Ownership.CLIENT_ROLES, live.clientRoleKeys())) {
      String clientId = Ownership.clientOf(key);
      String role = Ownership.roleOf(key);
      // A client on its way out takes its roles with it.
      if (!Builtins.CLIENTS.contains(clientId) && !goneClients.contains(clientId)) {
        out.add(
            Change.delete(
                new ResourceId.Role(realm, Optional.of(clientId), role),
                live.clientRoles().get(clientId).get(role)));
      }
    }
    for (String group : gone(recorded, declared, Ownership.GROUPS, live.groups().keySet())) {
      out.add(Change.delete(new ResourceId.Group(realm, group), live.groups().get(group).fields()));
    }
    for (String user : gone(recorded, declared, Ownership.USERS, live.users().keySet())) {
      out.add(
          Change.delete(
              new ResourceId.User(realm, user, Optional.empty()), live.users().get(user).fields()));
    }
  }

  private static Set<String> gone(
      Ownership recorded, Ownership declared, String kind, Set<String> live) {
    return recorded.of(kind).stream()
        .filter(name -> !declared.of(kind).contains(name))
        .filter(live::contains)
        .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
  }
}
