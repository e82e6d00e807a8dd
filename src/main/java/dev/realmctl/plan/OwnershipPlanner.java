package dev.realmctl.plan;

import dev.realmctl.spec.RealmSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The record of what realmctl owns in a realm: what the spec declares, plus (until pruned) what it
 * declared before and still exists.
 */
public final class OwnershipPlanner implements ResourcePlanner {

  /** realmctl's record of what it owns in a realm, kept in a realm attribute. */
  public record Id(String realm) implements ResourceId {
    public Kind kind() {
      return Kind.OWNERSHIP;
    }

    public String path() {
      return "ownership";
    }
  }

  @Override
  public void plan(RealmSpec spec, LiveRealm live, PlanBuilder out) {
    String record = owned(spec, live, out.prune).serialize();
    Optional<Object> before = Optional.ofNullable(recordedText(live));
    if (before.filter(record::equals).isPresent()) {
      return;
    }
    out.add(
        Change.update(
                new Id(spec.realm()),
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
    return prune ? declared : declared.plus(Ownership.recordedIn(live).stillIn(live));
  }
}
