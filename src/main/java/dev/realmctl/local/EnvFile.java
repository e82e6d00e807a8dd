package dev.realmctl.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file {@code up} keeps its variables in, for {@code source} in a shell: one {@code export
 * NAME='value'} a line, owner-only, never printed.
 */
public final class EnvFile {
  private static final String HEADER = "# Written by realmctl up: local secrets, not for Git.\n";
  private static final Pattern LINE = Pattern.compile("^export ([A-Za-z0-9_]+)='(.*)'$");
  // Inside single quotes a shell takes everything literally but the quote itself.
  private static final String QUOTE_IN_QUOTES = "'\\''";

  private EnvFile() {}

  /** What an earlier run wrote; nothing if there is no file yet. */
  public static Map<String, String> read(Path file) {
    if (!Files.exists(file)) {
      return new TreeMap<>();
    }
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void write(Path file, Map<String, String> values) {
    OwnerOnly.write(file, render(values));
  }

  static Map<String, String> parse(String text) {
    Map<String, String> values = new TreeMap<>();
    for (String line : text.split("\n")) {
      Matcher m = LINE.matcher(line);
      if (m.matches()) {
        values.put(m.group(1), m.group(2).replace(QUOTE_IN_QUOTES, "'"));
      }
    }
    return values;
  }

  static String render(Map<String, String> values) {
    StringBuilder text = new StringBuilder(HEADER);
    new TreeMap<>(values)
        .forEach(
            (name, value) ->
                text.append("export ")
                    .append(name)
                    .append("='")
                    .append(value.replace("'", QUOTE_IN_QUOTES))
                    .append("'\n"));
    return text.toString();
  }
}
