package dev.realmctl.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.realmctl.spec.RealmSpec;
import dev.realmctl.support.LiveRealms;
import dev.realmctl.support.SpecFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OwnershipPlanner: the record of what realmctl owns is what the spec declares plus, until pruned,
 * what it recorded before and still exists; rewritten only when that changes, and shown as
 * bookkeeping, not as a change to the realm.
 */
class OwnershipPlannerTest {
  private static final String SPEC =
      "realm: r\nclients: [{clientId: app}]\nroles: {realm: [{name: reader}]}\n";
  private static final String DECLARED = "{\"clients\":[\"app\"],\"roles\":[\"reader\"]}";

  @TempDir Path folder;

  private RealmSpec spec() throws IOException {
    return SpecFiles.load(folder, SPEC);
  }

  /** The one record change, with its text before (if any) and after. */
  private static Change record(Optional<Object> before, String after) {
    return Change.update(
        new OwnershipPlanner.Id("r"),
        List.of(
            new FieldChange(
                "attributes", Optional.of(Ownership.ATTRIBUTE), before, Optional.of(after))));
  }

  private static LiveRealms realm(String record) {
    return LiveRealms.realm("r").owning(record).client("app").realmRoles("reader");
  }

  @Test
  void aRealmWithoutARecordGetsTheDeclaredOne() throws IOException {
    PlannerRun run = PlannerRun.NEW_REALM.plan(new OwnershipPlanner(), spec(), LiveRealm.empty());
    assertEquals(
        List.of(record(Optional.empty(), DECLARED)), List.of(withoutSource(run.changes().get(0))));
    assertEquals(List.of("~ ownership"), run.paths());
  }

  @Test
  void aRecordAsDeclaredIsNotRewrittenNorCounted() throws IOException {
    assertEquals(
        new PlannerRun(List.of(), 0, List.of()),
        PlannerRun.of(new OwnershipPlanner(), spec(), realm(DECLARED).build()));
  }

  @Test
  void whatItOnceDeclaredStaysRecordedUntilPrunedAndWhatIsGoneIsDropped() throws IOException {
    String recorded = "{\"clients\":[\"app\",\"gone\",\"old\"],\"roles\":[\"reader\"]}";
    LiveRealm live = realm(recorded).client("old").build();
    String kept = "{\"clients\":[\"app\",\"old\"],\"roles\":[\"reader\"]}";

    PlannerRun run = PlannerRun.of(new OwnershipPlanner(), spec(), live);
    assertEquals(record(Optional.of(recorded), kept), withoutSource(run.changes().get(0)));
    PlannerRun pruned =
        PlannerRun.EXISTING_REALM.pruning().plan(new OwnershipPlanner(), spec(), live);
    assertEquals(record(Optional.of(recorded), DECLARED), withoutSource(pruned.changes().get(0)));
    assertEquals(
        List.of("-clients/gone", "-clients/old"),
        OwnershipPlanner.difference(pruned.changes().get(0)));
  }

  @Test
  void anUnreadableRecordIsReplacedAsIfNothingWereOwned() throws IOException {
    PlannerRun run = PlannerRun.of(new OwnershipPlanner(), spec(), realm("not json").build());
    assertEquals(record(Optional.of("not json"), DECLARED), withoutSource(run.changes().get(0)));
    assertEquals(
        List.of("+clients/app", "+roles/reader"),
        OwnershipPlanner.difference(run.changes().get(0)));
  }

  @Test
  void theRecordIsBookkeepingNotAResourceChange() throws IOException {
    Change create = Change.create(new ClientPlanner.Id("r", "app"), Map.of("clientId", "app"));
    Change recordChange = record(Optional.empty(), DECLARED);
    Plan plan = new Plan(List.of(recordChange, create), 0);
    assertEquals(List.of(create), plan.resourceChanges());
    assertEquals(List.of(recordChange), plan.bookkeeping());
    assertEquals(0, plan.count(Action.UPDATE));
    assertEquals(1, plan.count(Action.CREATE));
  }

  private static Change withoutSource(Change change) {
    return new Change(
        change.action(),
        change.id(),
        change.before(),
        change.after(),
        change.fields(),
        Optional.empty());
  }
}
