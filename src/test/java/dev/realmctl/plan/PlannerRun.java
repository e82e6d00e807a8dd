package dev.realmctl.plan;

import dev.realmctl.spec.Problem;
import dev.realmctl.spec.Problems;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.version.KeycloakVersion;
import dev.realmctl.version.VersionBehaviour;
import java.util.List;

/**
 * One planner run on its own against one realm, as {@link Planner} runs each: the changes it
 * planned, how many resources it found already right, and what it reported, each problem as {@code
 * line:column: message} (the test's file name left out). A run that finds the realm as declared
 * equals {@code new PlannerRun(List.of(), n, List.of())}.
 */
record PlannerRun(List<Change> changes, int unchanged, List<String> problems) {

  /** Planning against a realm that exists, without {@code --prune}, on the newest tested server. */
  static final Server EXISTING_REALM =
      new Server(true, false, VersionBehaviour.newestTested(), ServerProviders.UNKNOWN);

  /** Planning a realm the apply creates: nothing read of it. */
  static final Server NEW_REALM = EXISTING_REALM.realmExists(false);

  static PlannerRun of(ResourcePlanner planner, RealmSpec spec, LiveRealm live) {
    return EXISTING_REALM.plan(planner, spec, live);
  }

  /** The changes as their symbols and paths: {@code + clients/app}. */
  List<String> paths() {
    return changes.stream().map(c -> c.action().symbol() + " " + c.id().path()).toList();
  }

  /** The one change at {@code path} ({@code ~ clients/app}). */
  Change change(String path) {
    List<Change> found =
        changes.stream()
            .filter(c -> (c.action().symbol() + " " + c.id().path()).equals(path))
            .toList();
    if (found.size() != 1) {
      throw new AssertionError("not one change " + path + " in " + paths());
    }
    return found.get(0);
  }

  /** Where and how a planner runs. */
  record Server(
      boolean realmExists, boolean prune, VersionBehaviour keycloak, ServerProviders providers) {

    Server realmExists(boolean exists) {
      return new Server(exists, prune, keycloak, providers);
    }

    Server pruning() {
      return new Server(realmExists, true, keycloak, providers);
    }

    Server keycloak(String version) {
      return new Server(
          realmExists, prune, VersionBehaviour.of(KeycloakVersion.of(version)), providers);
    }

    Server providers(ServerProviders offered) {
      return new Server(realmExists, prune, keycloak, offered);
    }

    PlannerRun plan(ResourcePlanner planner, RealmSpec spec, LiveRealm live) {
      Problems problems = new Problems();
      PlanBuilder out = new PlanBuilder(problems, realmExists, prune, keycloak, providers);
      planner.plan(spec, live, out);
      return new PlannerRun(
          List.copyOf(out.changes),
          out.unchanged,
          problems.sorted().stream().map(PlannerRun::withoutFile).toList());
    }
  }

  private static String withoutFile(Problem problem) {
    return problem.location().line()
        + ":"
        + problem.location().column()
        + ": "
        + (problem.isError() ? "" : "warning: ")
        + problem.message();
  }
}
