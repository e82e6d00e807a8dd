package dev.realmctl.cli;

import dev.realmctl.spec.OfflineVariables;
import java.nio.file.Path;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "validate",
    description =
        "Check the spec offline: syntax, names, types, references. Needs no secrets: it names the"
            + " variables and files that plan and apply will need and are not set here.")
final class ValidateCommand implements java.util.concurrent.Callable<Integer> {
  @ParentCommand Realmctl root;
  @Mixin SpecPaths specPaths;

  @Override
  public Integer call() {
    Output output = root.output();
    OfflineVariables variables = new OfflineVariables(root.variables());
    var loaded = root.specLoader(variables).strict(specPaths.strict).load(specPaths.paths);
    loaded.warnings().forEach(w -> output.error(w.toString()));
    if (!variables.missingEnvironment().isEmpty()) {
      output.error(
          "note: plan and apply will need these environment variables, not set here: "
              + String.join(", ", variables.missingEnvironment()));
    }
    if (!variables.missingFiles().isEmpty()) {
      output.error(
          "note: plan and apply will need these files, not readable here: "
              + variables.missingFiles().stream()
                  .map(Path::toString)
                  .collect(Collectors.joining(", ")));
    }
    output.println(
        loaded.realms().size() + (loaded.realms().size() == 1 ? " realm" : " realms") + " valid.");
    return ExitCodes.OK;
  }
}
