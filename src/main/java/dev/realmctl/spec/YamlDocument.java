package dev.realmctl.spec;

/**
 * One {@code ---} document of a spec file: plain maps, lists and scalars, plus where each stood.
 */
public record YamlDocument(Object root, SourceMap source, String basePath) {

  public Origin origin() {
    return source.origin(basePath);
  }
}
