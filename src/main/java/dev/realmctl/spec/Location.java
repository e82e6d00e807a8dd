package dev.realmctl.spec;

import java.nio.file.Path;

/** A place in a spec file, 1-based, as editors and compilers print it. */
public record Location(Path file, int line, int column) {

  public static Location startOf(Path file) {
    return new Location(file, 1, 1);
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
