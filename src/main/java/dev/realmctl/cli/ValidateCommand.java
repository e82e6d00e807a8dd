package dev.realmctl.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "validate",
    description = "Check the spec offline: syntax, names, types, references.")
final class ValidateCommand implements java.util.concurrent.Callable<Integer> {
  @ParentCommand Realmctl root;
  @Mixin SpecPaths specPaths;

  @Override
  public Integer call() {
    Output output = root.output();
    var loaded = specPaths.load(root);
    loaded.warnings().forEach(w -> output.error(w.toString()));
    output.println(
        loaded.realms().size() + (loaded.realms().size() == 1 ? " realm" : " realms") + " valid.");
    return ExitCodes.OK;
  }
}
