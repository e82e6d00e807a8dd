package dev.realmctl.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.realmctl.spec.RealmSpec;
import org.junit.jupiter.api.Test;

/** The spec refuses the attribute the plan keeps its record in: both name the same one. */
class OwnershipAttributeTest {
  @Test
  void theSpecRefusesTheAttributeThePlanKeepsItsRecordIn() {
    assertEquals(Ownership.ATTRIBUTE, RealmSpec.OWNERSHIP_ATTRIBUTE);
  }
}
