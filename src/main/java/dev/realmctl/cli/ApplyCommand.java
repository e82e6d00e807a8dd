package dev.realmctl.cli;

import dev.realmctl.keycloak.Connection;
import dev.realmctl.keycloak.Reconciler;
import dev.realmctl.plan.Action;
import dev.realmctl.render.PlanRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "apply",
    description = "Make Keycloak match the spec: plan, then execute that plan.")
final class ApplyCommand implements java.util.concurrent.Callable<Integer> {
  @ParentCommand Realmctl root;
  @Mixin SpecPaths specPaths;
  @Mixin ServerOptions server;

  @Option(
      names = "--prune",
      description = "Also delete what realmctl created or adopted and the spec no longer declares.")
  boolean prune;

  @Override
  public Integer call() {
    Output output = root.output();
    var loaded = root.specLoader().load(specPaths.paths);
    loaded.warnings().forEach(w -> output.error(w.toString()));
    try (Connection connection = Connection.open(server.settings(root))) {
      long started = System.nanoTime();
      Reconciler reconciler = new Reconciler(connection);
      var planned = reconciler.plan(loaded.realms(), prune);
      var plan = planned.plan();
      Cost.warnAboutVersion(output, connection);
      if (plan.isEmpty()) {
        output.print(PlanRenderer.of(PlanRenderer.Format.TEXT, false).render(plan));
        output.error(Cost.of(connection, started));
        return ExitCodes.OK;
      }
      Progress progress = new Progress(output, plan.changes().size(), System.console() != null);
      try {
        reconciler.apply(
            planned, change -> progress.done(past(change.action()) + " " + change.address()));
      } finally {
        progress.finish();
      }
      output.println(
          "Apply complete: "
              + plan.count(Action.CREATE)
              + " created, "
              + plan.count(Action.UPDATE)
              + " updated, "
              + plan.count(Action.DELETE)
              + " deleted; "
              + plan.unchanged()
              + " unchanged.");
      output.error(Cost.of(connection, started));
      return ExitCodes.OK;
    }
  }

  private static String past(Action action) {
    return switch (action) {
      case CREATE -> "created";
      case UPDATE -> "updated";
      case DELETE -> "deleted";
    };
  }
}
