package dev.realmctl.spec;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where each value of a parsed document stands in its file, keyed by a JSON-pointer-like path
 * ({@code /clients/0/redirectUris/1}). Keys map to the key's own position, so errors about a field
 * point at its name.
 */
public record SourceMap(Path file, Map<String, Location> locations) {
  /** Suffix under which a mapping entry's value (rather than its key) is located. */
  static final String VALUE = "=";

  /** Suffix that marks a scalar whose value came from {@code ${env:...}} or {@code ${file:...}}. */
  static final String SUBSTITUTED = "$";

  /** Whether the scalar at {@code path} was given by {@code ${env:...}} or {@code ${file:...}}. */
  public boolean substituted(String path) {
    return locations.containsKey(path + SUBSTITUTED);
  }

  /** Where the value of a mapping entry starts, for errors about what was written. */
  public Location valueAt(String path) {
    Location value = locations.get(path + VALUE);
    return value != null ? value : at(path);
  }

  /** The closest known location: the path itself, else its nearest ancestor, else the file. */
  public Location at(String path) {
    String candidate = path;
    while (true) {
      Location found = locations.get(candidate);
      if (found != null) {
        return found;
      }
      int slash = candidate.lastIndexOf('/');
      if (slash < 0) {
        return Location.startOf(file);
      }
      candidate = candidate.substring(0, slash);
    }
  }

  /** A handle on one node of the document, for code that walks the tree. */
  public Origin origin(String path) {
    return new Origin(this, path);
  }
}
