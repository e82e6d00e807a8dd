package dev.realmctl.plan;

import dev.realmctl.spec.Origin;
import dev.realmctl.spec.Problem;
import dev.realmctl.spec.Problems;
import dev.realmctl.version.VersionBehaviour;
import java.util.ArrayList;
import java.util.List;

/** Collects one realm's changes, the count of resources already right, and live-only problems. */
final class PlanBuilder {
  final List<Change> changes = new ArrayList<>();
  final Problems problems;
  final boolean realmExists;
  final boolean prune;
  final VersionBehaviour keycloak;
  final ServerProviders providers;
  int unchanged;

  PlanBuilder(
      Problems problems,
      boolean realmExists,
      boolean prune,
      VersionBehaviour keycloak,
      ServerProviders providers) {
    this.providers = providers;
    this.problems = problems;
    this.realmExists = realmExists;
    this.prune = prune;
    this.keycloak = keycloak;
  }

  void add(Change change) {
    changes.add(change);
  }

  void add(Diff diff) {
    changes.addAll(diff.changes());
    unchanged += diff.unchanged();
  }

  /** What a planner's pure reference checks found. */
  void report(List<Problem> found) {
    for (Problem problem : found) {
      if (problem.isError()) {
        problems.error(problem.location(), problem.message());
      } else {
        problems.warning(problem.location(), problem.message());
      }
    }
  }

  /** An update when fields differ, else one more resource counted as unchanged. */
  void updateOrCount(ResourceId id, List<FieldChange> fields, Origin origin) {
    if (fields.isEmpty()) {
      unchanged++;
    } else {
      changes.add(Change.update(id, fields).at(origin));
    }
  }
}
