package dev.realmctl.spec;

/** Where a spec element came from, so later stages (even live checks) can point at its line. */
public record Origin(SourceMap source, String path) {

  public Location location() {
    return source.at(path);
  }

  public Origin child(String name) {
    return new Origin(source, path + "/" + name);
  }

  public Origin child(int index) {
    return new Origin(source, path + "/" + index);
  }

  public Location valueAt(String name) {
    return source.valueAt(path + "/" + name);
  }

  /** Whether the scalar field {@code name} came from {@code ${env:...}} or {@code ${file:...}}. */
  public boolean substituted(String name) {
    return source.substituted(path + "/" + name);
  }

  public Location at(String name) {
    return child(name).location();
  }
}
