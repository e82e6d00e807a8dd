package dev.realmctl.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Parameters;

/** The spec files and folders a command works on. */
final class SpecPaths {
  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description = "Spec files or folders (every *.yaml, *.yml, *.json inside). Default: realms/")
  List<Path> paths = List.of(Path.of("realms"));
}
