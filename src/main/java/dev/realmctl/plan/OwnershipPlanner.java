package dev.realmctl.plan;

import dev.realmctl.spec.RealmSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The record of what realmctl owns in a realm: what the spec declares, plus (until pruned) what it
 * declared before and still exists. The plan's change holds the record as planned; what is written
 * is a merge ({@link #merged}), so two applies of different specs of one realm keep each other's
 * entries.
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
    Optional<Object> before = Optional.ofNullable(recordedText(live.settings()));
    if (before.filter(record::equals).isPresent()) {
      return;
    }
    out.add(recordChange(new Id(spec.realm()), before, record).at(spec.origin()));
  }

  private static Change recordChange(Id id, Optional<Object> before, String record) {
    return Change.update(
        id,
        List.of(
            new FieldChange(
                "attributes", Optional.of(Ownership.ATTRIBUTE), before, Optional.of(record))));
  }

  /**
   * The record to write, given the realm's fields read just before the write: that record, with the
   * names this change adds and without those it removes. What another apply recorded since the plan
   * was made stays.
   */
  public static String merged(Change change, Map<String, Object> freshRealm) {
    Ownership from = recordIn(change.before());
    Ownership to = recordIn(change.after());
    return Ownership.recordedIn(freshRealm).plus(to.minus(from)).minus(from.minus(to)).serialize();
  }

  /** Whether the record in these realm fields already holds this change's merge. */
  public static boolean isMergedIn(Change change, Map<String, Object> freshRealm) {
    return Ownership.recordedIn(freshRealm)
        .plus(Ownership.empty())
        .serialize()
        .equals(merged(change, freshRealm));
  }

  /**
   * The record changes an apply that failed still makes: for each planned record not written, the
   * names of what the apply did create, so that {@code --prune} can delete them later. Nothing is
   * removed and nothing adopted; the next apply that completes records the rest.
   */
  public static List<Change> afterFailure(List<Change> planned, Collection<Change> done) {
    List<Change> records = new ArrayList<>();
    for (Change record : planned) {
      if (!(record.id() instanceof Id id) || done.contains(record)) {
        continue;
      }
      Ownership from = recordIn(record.before());
      Ownership to = recordIn(record.after());
      Ownership created = from;
      for (Change change : done) {
        if (change.action() != Action.CREATE || !change.id().realm().equals(id.realm())) {
          continue;
        }
        for (Owned kind : Planner.owned()) {
          Optional<String> name =
              kind.recordedName(change.id()).filter(n -> to.of(kind.key()).contains(n));
          if (name.isPresent()) {
            created = created.with(kind.key(), name.get());
          }
        }
      }
      if (!created.minus(from).isEmpty()) {
        Change partial =
            recordChange(
                id, Optional.ofNullable(recordedText(record.before())), created.serialize());
        records.add(
            new Change(
                partial.action(),
                id,
                partial.before(),
                partial.after(),
                partial.fields(),
                record.source()));
      }
    }
    return records;
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

  private static Ownership recordIn(Map<String, Object> fields) {
    Object text = recordedText(fields);
    return text instanceof String record ? Ownership.parse(record) : Ownership.empty();
  }

  private static Object recordedText(Map<String, Object> realmFields) {
    return realmFields.get("attributes") instanceof Map<?, ?> attributes
        ? attributes.get(Ownership.ATTRIBUTE)
        : null;
  }

  private static Ownership owned(RealmSpec spec, LiveRealm live, boolean prune) {
    Ownership declared = Ownership.declaredBy(spec);
    return prune ? declared : declared.plus(Ownership.recordedIn(live).stillIn(live));
  }
}
