package dev.realmctl.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OwnershipMergeTest {
  private static final OwnershipPlanner.Id RECORD = new OwnershipPlanner.Id("r");

  private static Change record(String before, String after) {
    return Change.update(
        RECORD,
        List.of(
            new FieldChange(
                "attributes",
                Optional.of(Ownership.ATTRIBUTE),
                Optional.ofNullable(before),
                Optional.of(after))));
  }

  private static Map<String, Object> realm(String record) {
    return Map.of("attributes", Map.of(Ownership.ATTRIBUTE, record));
  }

  @Test
  void theWriteKeepsWhatAnotherApplyRecordedAndDropsOnlyWhatThisOneRemoves() {
    Change change = record("{\"clients\":[\"gone\",\"mine\"]}", "{\"clients\":[\"mine\",\"new\"]}");
    String fresh = "{\"clients\":[\"gone\",\"mine\",\"theirs\"],\"roles\":[\"r\"]}";

    String merged = OwnershipPlanner.merged(change, realm(fresh));

    assertEquals("{\"clients\":[\"mine\",\"new\",\"theirs\"],\"roles\":[\"r\"]}", merged);
    assertTrue(OwnershipPlanner.isMergedIn(change, realm(merged)));
    assertFalse(OwnershipPlanner.isMergedIn(change, realm(fresh)));
  }

  @Test
  void aFailedApplyRecordsOnlyTheCreatesItDid() {
    Change change = record(null, "{\"clients\":[\"done\",\"adopted\",\"not-done\"]}");
    Change created = Change.create(new ClientPlanner.Id("r", "done"), Map.of());
    Change failed = Change.create(new ClientPlanner.Id("r", "not-done"), Map.of());

    List<Change> records = OwnershipPlanner.afterFailure(List.of(failed, change), List.of(created));

    assertEquals(1, records.size());
    assertEquals(
        Map.of("attributes", Map.of(Ownership.ATTRIBUTE, "{\"clients\":[\"done\"]}")),
        records.get(0).after());
    assertTrue(OwnershipPlanner.afterFailure(List.of(failed, change), List.of()).isEmpty());
  }
}
