package dev.realmctl.version;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The Keycloak versions the matrix tests, oldest first: {@code ci/keycloak-versions.txt}, bundled
 * in the jar. The same file drives {@code ci/matrix} and is checked against the pipeline templates.
 */
public final class SupportedVersions {
  public static final String RESOURCE = "/keycloak-versions.txt";
  private static final List<KeycloakVersion> ALL = load();

  private SupportedVersions() {}

  public static List<KeycloakVersion> all() {
    return ALL;
  }

  public static KeycloakVersion oldest() {
    return ALL.get(0);
  }

  public static KeycloakVersion newestTested() {
    return ALL.get(ALL.size() - 1);
  }

  /** Lines that are neither blank nor comments, each a version. */
  public static List<KeycloakVersion> parse(List<String> lines) {
    return lines.stream()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .map(KeycloakVersion::of)
        .sorted()
        .toList();
  }

  private static List<KeycloakVersion> load() {
    try (InputStream in = SupportedVersions.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " missing from the classpath");
      }
      var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return parse(reader.lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
