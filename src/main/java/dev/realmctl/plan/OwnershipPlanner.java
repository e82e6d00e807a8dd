package dev.realmctl.plan;

import dev.realmctl.spec.RealmSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

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

  /**
   * What a change to the record adds ({@code +clients/app}) and drops ({@code -groups/old}), for a
   * reviewer; empty when only its text changes.
   */
  public static List<String> difference(Change change) {
    Ownership before = recordIn(change.fields(), FieldChange::before);
    Ownership after = recordIn(change.fields(), FieldChange::after);
    List<String> out = new ArrayList<>();
    Set<String> kinds = new TreeSet<>(before.byKind().keySet());
    kinds.addAll(after.byKind().keySet());
    for (String kind : kinds) {
      after.of(kind).stream()
          .filter(n -> !before.of(kind).contains(n))
          .forEach(n -> out.add("+" + kind + "/" + n));
      before.of(kind).stream()
          .filter(n -> !after.of(kind).contains(n))
          .forEach(n -> out.add("-" + kind + "/" + n));
    }
    return out;
  }

  private static Ownership recordIn(
      List<FieldChange> fields, Function<FieldChange, Optional<Object>> side) {
    Object text =
        fields.stream()
            .filter(f -> f.key().filter(Ownership.ATTRIBUTE::equals).isPresent())
            .map(side)
            .flatMap(Optional::stream)
            .findFirst()
            .orElse(null);
    return text == null
        ? Ownership.empty()
        : Ownership.recordedIn(Map.of("attributes", Map.of(Ownership.ATTRIBUTE, text)));
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
