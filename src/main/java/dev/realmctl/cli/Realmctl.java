package dev.realmctl.cli;

import dev.realmctl.keycloak.RepresentationCatalog;
import dev.realmctl.spec.Redactor;
import dev.realmctl.spec.SpecLoader;
import dev.realmctl.spec.Variables;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "realmctl",
    // Inherited: every subcommand answers --help and --version, and a usage error exits 1.
    scope = CommandLine.ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Keycloak realms as code: validate, plan and apply YAML realm specs.",
    subcommands = {
      ValidateCommand.class,
      PlanCommand.class,
      ApplyCommand.class,
      UpCommand.class,
      ResourceServerCommand.class,
      SchemaCommand.class,
      ExportCommand.class,
      TestCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Realmctl implements Runnable {
  private final Map<String, String> environment;
  private final Redactor redactor = new Redactor();
  @Spec private CommandSpec spec;

  Realmctl(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** The command line with its environment given, so tests run it in-process. */
  public static CommandLine commandLine(Map<String, String> environment) {
    Realmctl root = new Realmctl(environment);
    CommandLine commandLine = new CommandLine(root);
    commandLine.setExecutionExceptionHandler(
        (e, cl, parsed) -> new ExitCodes(root.output()).handleExecutionException(e, cl, parsed));
    commandLine.setParameterExceptionHandler(ExitCodes::handleParameterException);
    return commandLine;
  }

  /** Another run of realmctl, in another environment, printing where this one prints. */
  CommandLine nested(Map<String, String> otherEnvironment) {
    CommandLine nested = commandLine(otherEnvironment);
    nested.setOut(spec.commandLine().getOut());
    nested.setErr(spec.commandLine().getErr());
    return nested;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  Optional<String> env(String name) {
    return Optional.ofNullable(environment.get(name)).filter(v -> !v.isEmpty());
  }

  /** The whole environment, for a nested run that adds to it. */
  Map<String, String> environment() {
    return environment;
  }

  Redactor redactor() {
    return redactor;
  }

  Output output() {
    return new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), redactor);
  }

  SpecLoader specLoader() {
    return specLoader(variables());
  }

  SpecLoader specLoader(Variables variables) {
    return new SpecLoader(new RepresentationCatalog(), variables, redactor);
  }

  Variables variables() {
    return Variables.of(environment);
  }
}
