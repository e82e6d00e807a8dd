package dev.realmctl.plan;

import dev.realmctl.spec.RealmSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The record of what realmctl owns in a realm: what the spec declares, plus (until pruned) what it
 * declared before and still exists.
 */
final class OwnershipPlanner implements ResourcePlanner {

  @Override
  public void plan(RealmSpec spec, LiveRealm live, PlanBuilder out) {
    String record = owned(spec, live, out.prune).serialize();
    Optional<Object> before = Optional.ofNullable(recordedText(live));
    if (before.filter(record::equals).isPresent()) {
      return;
    }
    out.add(
        Change.update(
                new ResourceId.Ownership(spec.realm()),
                List.of(
                    new FieldChange(
                        "attributes",
                        Optional.of(Ownership.ATTRIBUTE),
                        before,
                        Optional.of(record))))
            .at(spec.origin()));
  }

  private static Object recordedText(LiveRealm live) {
    return live.settings().get("attributes") instanceof Map<?, ?> attributes
        ? attributes.get(Ownership.ATTRIBUTE)
        : null;
  }

  private static Ownership owned(RealmSpec spec, LiveRealm live, boolean prune) {
    Ownership declared = Ownership.declaredBy(spec);
    if (prune) {
      return declared;
    }
    Ownership recorded = Ownership.recordedIn(live);
    Ownership stillThere =
        new Ownership(
            Map.of(
                Ownership.CLIENTS,
                    existing(recorded.of(Ownership.CLIENTS), live.clients().keySet()),
                Ownership.CLIENT_SCOPES,
                    existing(recorded.of(Ownership.CLIENT_SCOPES), live.clientScopes().keySet()),
                Ownership.ROLES, existing(recorded.of(Ownership.ROLES), live.realmRoles().keySet()),
                Ownership.CLIENT_ROLES,
                    existing(recorded.of(Ownership.CLIENT_ROLES), live.clientRoleKeys()),
                Ownership.GROUPS, existing(recorded.of(Ownership.GROUPS), live.groups().keySet()),
                Ownership.USERS, recorded.of(Ownership.USERS)));
    return declared.plus(stillThere);
  }

  private static Set<String> existing(Set<String> names, Set<String> live) {
    return names.stream().filter(live::contains).collect(Collectors.toSet());
  }
}
