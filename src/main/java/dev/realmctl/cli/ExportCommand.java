package dev.realmctl.cli;

import dev.realmctl.keycloak.Connection;
import dev.realmctl.keycloak.Exporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "export",
    description =
        "Write a live realm as a spec: what differs from a new realm, no ids, no secrets.")
final class ExportCommand implements java.util.concurrent.Callable<Integer> {
  @ParentCommand Realmctl root;
  @Mixin ServerOptions server;

  @Parameters(paramLabel = "REALM", description = "The realm to export")
  String realm;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Write here instead of standard output")
  Optional<Path> file = Optional.empty();

  @Option(
      names = "--full",
      description = "Write everything, Keycloak's defaults for a new realm too")
  boolean full;

  @Override
  public Integer call() throws IOException {
    try (Connection connection = server.connect(root)) {
      long started = System.nanoTime();
      Exporter.Export export =
          full
              ? new Exporter(connection).export(realm)
              : new Exporter(connection).exportChanges(realm);
      String yaml = render(export);
      if (file.isPresent()) {
        Files.writeString(file.get(), yaml);
        root.output().error("wrote " + file.get());
      } else {
        root.output().data(yaml);
      }
      root.output().error(Cost.of(connection, started));
      return ExitCodes.OK;
    }
  }

  static String render(Exporter.Export export) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    options.setWidth(120);
    // Values shared between users (an empty role list) would otherwise be written as anchors.
    options.setDereferenceAliases(true);
    StringBuilder out =
        new StringBuilder("# yaml-language-server: $schema=../schema/realm.schema.json\n");
    out.append("# Exported by realmctl from a live realm.\n");
    export.notes().forEach(note -> out.append("# ").append(note).append('\n'));
    return out.append(new Yaml(options).dump(export.spec())).toString();
  }
}
