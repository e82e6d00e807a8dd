package dev.realmctl.render;

import dev.realmctl.plan.Action;
import dev.realmctl.plan.Plan;

final class Summary {
  private Summary() {}

  static String of(Plan plan) {
    if (plan.isEmpty()) {
      return "No changes. Keycloak matches the spec (" + plan.unchanged() + " resources checked).";
    }
    if (plan.resourceChanges().isEmpty()) {
      return "No changes to resources: Keycloak matches the spec ("
          + plan.unchanged()
          + " resources checked). Only "
          + Bookkeeping.RECORD
          + " is to be written.";
    }
    return "Plan: "
        + plan.count(Action.CREATE)
        + " to create, "
        + plan.count(Action.UPDATE)
        + " to update, "
        + plan.count(Action.DELETE)
        + " to delete; "
        + plan.unchanged()
        + " unchanged"
        + (plan.bookkeeping().isEmpty() ? "" : " (and " + Bookkeeping.RECORD + ")")
        + ".";
  }
}
