package dev.realmctl.cli;

import dev.realmctl.keycloak.Applier;
import dev.realmctl.keycloak.Connection;
import dev.realmctl.keycloak.NodeConvergence;
import dev.realmctl.keycloak.Reconciler;
import dev.realmctl.plan.Action;
import dev.realmctl.plan.Change;
import dev.realmctl.render.PlanRenderer;
import dev.realmctl.spec.RealmSpec;
import java.time.Duration;
import java.util.List;
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

  @Option(
      names = "--wait-for-nodes",
      split = ",",
      paramLabel = "URL",
      description =
          "After applying, wait until each of these Keycloak nodes (same login) serves the applied"
              + " state: plans through each until it shows no change. For a cluster behind a load"
              + " balancer: name every node.")
  List<String> waitForNodes = List.of();

  @Option(
      names = "--wait-timeout",
      paramLabel = "SECONDS",
      description = "How long --wait-for-nodes waits for all nodes together. Default: 120")
  int waitTimeoutSeconds = 120;

  @Option(
      names = "--break-after",
      paramLabel = "SECONDS",
      description =
          "How long removals wait for the additions that replace them to be live on every node"
              + " and in every request in flight. Default: 5")
  int breakAfterSeconds = (int) Applier.DEFAULT_BREAK_AFTER.toSeconds();

  @Override
  public Integer call() {
    Output output = root.output();
    var loaded = specPaths.load(root);
    loaded.warnings().forEach(w -> output.error(w.toString()));
    // Checked before anything is written: a mistyped node URL must not surface after the apply.
    List<Connection.Settings> nodes =
        waitForNodes.stream().map(url -> server.settings(root, url.strip())).toList();
    try (Connection connection = server.connect(root)) {
      long started = System.nanoTime();
      Reconciler reconciler =
          new Reconciler(connection, Duration.ofSeconds(Math.max(0, breakAfterSeconds)));
      var planned = reconciler.plan(loaded.realms(), prune);
      var plan = planned.plan();
      Cost.warnAboutVersion(output, connection);
      planned.plan().warnings().forEach(w -> output.error(w.toString()));
      if (plan.isEmpty()) {
        output.print(PlanRenderer.of(PlanRenderer.Format.TEXT, false).render(plan));
        output.error(Cost.of(connection, started));
      } else {
        applyPlanned(output, connection, reconciler, planned, started);
      }
    }
    awaitNodes(output, nodes, loaded.realms());
    return ExitCodes.OK;
  }

  private void applyPlanned(
      Output output,
      Connection connection,
      Reconciler reconciler,
      Reconciler.Planned planned,
      long started) {
    var plan = planned.plan();
    Progress progress = new Progress(output, plan.changes().size(), System.console() != null);
    try {
      reconciler.apply(
          planned,
          new Applier.Listener() {
            @Override
            public void done(Change change) {
              progress.done(past(change.action()) + " " + change.address());
            }

            @Override
            public void waiting(Duration pause) {
              progress.note(
                  "waiting "
                      + pause.toSeconds()
                      + " s before removing, so what replaces it is live (--break-after)");
            }
          });
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
  }

  private void awaitNodes(Output output, List<Connection.Settings> nodes, List<RealmSpec> realms) {
    if (nodes.isEmpty()) {
      return;
    }
    try {
      NodeConvergence.await(nodes, realms, prune, Duration.ofSeconds(waitTimeoutSeconds))
          .forEach(report -> output.println(Formats.nodeReport(report)));
    } catch (NodeConvergence.NotServed e) {
      e.reports().forEach(report -> output.println(Formats.nodeReport(report)));
      throw e;
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
