package dev.realmctl.version;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a Keycloak version keeps of each representation field, as its probe learnt it: the bundled
 * resource {@code dev/realmctl/keeps/keycloak-<major>.<minor>.json}, written by {@code ci/probe}
 * (never by hand). A server whose minor has no resource is read with the nearest lower one that
 * has; a server older than every resource, with none (nothing is known not kept).
 *
 * @param probed the version the resource was learnt on
 * @param dropped per representation (a class name), the fields the server does not keep
 * @param rewritten per representation, the fields the server keeps changed (value sent, read)
 */
public record ServerKeeps(
    Optional<KeycloakVersion> probed,
    Map<String, Set<String>> dropped,
    Map<String, Map<String, Object>> rewritten) {
  static final String DIRECTORY = "/dev/realmctl/keeps/";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Optional<ServerKeeps>> LOADED =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Nothing known: every field counts as kept. */
  public static ServerKeeps unknown() {
    return new ServerKeeps(Optional.empty(), Map.of(), Map.of());
  }

  /** The resource for {@code server}'s minor, else the nearest lower minor's among the bundled. */
  public static ServerKeeps of(KeycloakVersion server) {
    return SupportedVersions.all().stream()
        .map(v -> KeycloakVersion.of(v.major() + "." + v.minor()))
        .distinct()
        .filter(minor -> !minor.atLeast(nextMinor(server)))
        .sorted(Comparator.reverseOrder())
        .map(ServerKeeps::bundled)
        .flatMap(Optional::stream)
        .findFirst()
        .orElseGet(ServerKeeps::unknown);
  }

  /** Whether the probe found that the server drops {@code field} of {@code representation}. */
  public boolean drops(String representation, String field) {
    return dropped.getOrDefault(representation, Set.of()).contains(field);
  }

  /** The resource file of one minor, when bundled. */
  static Optional<ServerKeeps> bundled(KeycloakVersion minor) {
    String name = DIRECTORY + "keycloak-" + minor.major() + "." + minor.minor() + ".json";
    return LOADED.computeIfAbsent(name, ServerKeeps::load);
  }

  private static Optional<ServerKeeps> load(String name) {
    try (InputStream in = ServerKeeps.class.getResourceAsStream(name)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(parse(JSON.readValue(in, Map.class)));
    } catch (IOException e) {
      throw new UncheckedIOException(name, e);
    }
  }

  /** The resource's content: {@code representations.<class>.dropped} and {@code .rewritten}. */
  static ServerKeeps parse(Map<?, ?> document) {
    Map<String, Set<String>> dropped = new TreeMap<>();
    Map<String, Map<String, Object>> rewritten = new TreeMap<>();
    if (document.get("representations") instanceof Map<?, ?> representations) {
      representations.forEach(
          (name, found) -> {
            if (found instanceof Map<?, ?> byCategory) {
              if (byCategory.get("dropped") instanceof List<?> fields) {
                Set<String> names = new TreeSet<>();
                fields.forEach(f -> names.add(String.valueOf(f)));
                dropped.put(String.valueOf(name), names);
              }
              if (byCategory.get("rewritten") instanceof Map<?, ?> rewrites) {
                Map<String, Object> byField = new LinkedHashMap<>();
                rewrites.forEach((f, r) -> byField.put(String.valueOf(f), r));
                rewritten.put(String.valueOf(name), byField);
              }
            }
          });
    }
    return new ServerKeeps(
        KeycloakVersion.parse((String) document.get("keycloakVersion")), dropped, rewritten);
  }

  private static KeycloakVersion nextMinor(KeycloakVersion version) {
    return new KeycloakVersion(version.major(), version.minor() + 1, 0, "");
  }
}
