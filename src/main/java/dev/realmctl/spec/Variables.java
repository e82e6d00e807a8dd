package dev.realmctl.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Where {@code ${env:NAME}} and {@code ${file:PATH}} get their values. */
public interface Variables {

  Optional<String> env(String name);

  /** Reads a file, relative paths resolved against the spec file's folder. */
  default Optional<String> file(Path specFolder, String path) {
    Path resolved = specFolder.resolve(path);
    try {
      return Optional.of(stripFinalNewline(Files.readString(resolved, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static Variables system() {
    return name -> Optional.ofNullable(System.getenv(name));
  }

  static Variables of(Map<String, String> values) {
    return name -> Optional.ofNullable(values.get(name));
  }

  private static String stripFinalNewline(String text) {
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }
}
