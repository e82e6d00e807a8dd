package dev.realmctl.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Loads every document of every file before anything else happens, so a spec either loads whole or
 * fails whole with every problem listed.
 */
public final class SpecLoader {
  private final FieldCatalog catalog;
  private final YamlReader reader;
  private final boolean strict;

  public SpecLoader(FieldCatalog catalog, Variables variables, Redactor redactor) {
    this(catalog, new YamlReader(new Substitution(variables, redactor)), false);
  }

  private SpecLoader(FieldCatalog catalog, YamlReader reader, boolean strict) {
    this.catalog = catalog;
    this.reader = reader;
    this.strict = strict;
  }

  /** The same loader; with {@code strict}, a secret written in the spec is an error. */
  public SpecLoader strict(boolean strict) {
    return new SpecLoader(catalog, reader, strict);
  }

  public record Loaded(List<RealmSpec> realms, List<Problem> warnings) {}

  /** Loads files and folders (every *.yaml, *.yml, *.json inside, sorted); throws on any error. */
  public Loaded load(List<Path> paths) {
    Problems problems = new Problems(strict);
    List<RealmSpec> realms = new ArrayList<>();
    Map<String, Origin> seen = new HashMap<>();
    for (Path file : expand(paths, problems)) {
      for (YamlDocument document : reader.read(file, problems)) {
        Optional<RealmSpec> realm = new SpecBuilder(catalog, problems).build(document);
        realm.ifPresent(
            spec -> {
              Origin first = seen.putIfAbsent(spec.realm(), spec.origin());
              if (first != null) {
                problems.error(
                    spec.origin().at("realm"),
                    "realm '" + spec.realm() + "' is already declared at " + first.location());
              } else {
                realms.add(spec);
              }
            });
      }
    }
    problems.throwIfErrors();
    return new Loaded(realms, problems.sorted());
  }

  /** YAML, and JSON as Keycloak exports it: JSON is YAML too, so one reader takes both. */
  private static boolean isSpecFile(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  static List<Path> expand(List<Path> paths, Problems problems) {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(Files::isRegularFile)
              .filter(SpecLoader::isSpecFile)
              .sorted()
              .forEach(files::add);
        } catch (IOException e) {
          problems.error(Location.startOf(path), "cannot list folder: " + e.getMessage());
        }
      } else if (Files.isRegularFile(path)) {
        files.add(path);
      } else if (Files.exists(path)) {
        problems.error(Location.startOf(path), "not a regular file");
      } else {
        problems.error(Location.startOf(path), "no such file or folder");
      }
    }
    return files;
  }
}
