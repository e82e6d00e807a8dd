package dev.realmctl.cli;

import dev.realmctl.spec.SpecLoader;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The spec files and folders a command works on. */
final class SpecPaths {
  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description = "Spec files or folders (every *.yaml, *.yml, *.json inside). Default: realms/")
  List<Path> paths = List.of(Path.of("realms"));

  @Option(
      names = "--strict",
      description = "Refuse secrets written in the spec's text (use ${env:NAME} or ${file:PATH}).")
  boolean strict;

  /** Every document of every path, loaded and checked before anything else happens. */
  SpecLoader.Loaded load(Realmctl root) {
    return root.specLoader().strict(strict).load(paths);
  }
}
