package dev.realmctl.cli;

import dev.realmctl.keycloak.Connection;
import dev.realmctl.keycloak.Reconciler;
import dev.realmctl.render.PlanRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "plan", description = "Show what apply would change in Keycloak; writes nothing.")
final class PlanCommand implements java.util.concurrent.Callable<Integer> {
  @ParentCommand Realmctl root;
  @Mixin SpecPaths specPaths;
  @Mixin ServerOptions server;

  @Option(
      names = "--prune",
      description = "Also delete what realmctl created or adopted and the spec no longer declares.")
  boolean prune;

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      description = "text, markdown or json. Default: text")
  String format = "text";

  @Option(
      names = "--detailed-exitcode",
      description = "Exit 2 when there are changes, 0 when there are none.")
  boolean detailedExitCode;

  @Override
  public Integer call() {
    Output output = root.output();
    PlanRenderer renderer = Formats.renderer(format);
    var loaded = specPaths.load(root);
    loaded.warnings().forEach(w -> output.error(w.toString()));
    try (Connection connection = server.connect(root)) {
      long started = System.nanoTime();
      var planned = new Reconciler(connection).plan(loaded.realms(), prune);
      Cost.warnAboutVersion(output, connection);
      planned.plan().warnings().forEach(w -> output.error(w.toString()));
      output.print(renderer.render(planned.plan()));
      output.error(Cost.of(connection, started));
      // The ownership record alone counts too: apply has it to write, and without it a later
      // --prune would not know what realmctl owns.
      return detailedExitCode && !planned.plan().isEmpty()
          ? ExitCodes.CHANGES_PENDING
          : ExitCodes.OK;
    }
  }
}
