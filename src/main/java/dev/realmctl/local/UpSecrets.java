package dev.realmctl.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The values {@code up} makes up for a local server: the admin's password and every {@code
 * ${env:NAME}} the specs reference that the environment does not give. Kept in the env file between
 * runs, so that a second {@code up} changes no secret.
 */
public final class UpSecrets {
  public static final String ADMIN_USER = "admin";
  static final String ADMIN_PASSWORD = "KEYCLOAK_PASSWORD";
  private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{env:([A-Za-z0-9_]+)}");
  // Derived from the server of each run, never kept as a secret.
  private static final Set<String> NOT_SECRETS = Set.of("KEYCLOAK_URL", "KEYCLOAK_USER");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, String> secrets;

  private UpSecrets(Map<String, String> secrets) {
    this.secrets = secrets;
  }

  /**
   * The secrets for the specs at {@code specPaths}: from {@code environment} if it has them, else
   * from {@code envFile}, else generated.
   */
  public static UpSecrets prepare(
      Path envFile, List<Path> specPaths, Function<String, Optional<String>> environment) {
    Map<String, String> kept = EnvFile.read(envFile);
    NOT_SECRETS.forEach(kept::remove);
    return new UpSecrets(choose(kept, referencedNames(specPaths), environment, UpSecrets::random));
  }

  static Map<String, String> choose(
      Map<String, String> kept,
      Set<String> referenced,
      Function<String, Optional<String>> environment,
      java.util.function.Supplier<String> generate) {
    Map<String, String> chosen = new TreeMap<>(kept);
    for (String name : referenced) {
      // The caller's value wins, and the file then holds what the server holds.
      environment
          .apply(name)
          .ifPresentOrElse(
              value -> chosen.put(name, value),
              () -> chosen.computeIfAbsent(name, n -> generate.get()));
    }
    // Never the environment's: a KEYCLOAK_PASSWORD there belongs to some other server.
    chosen.computeIfAbsent(ADMIN_PASSWORD, n -> generate.get());
    return chosen;
  }

  /** The names of {@code ${env:NAME}} references in a spec's text. */
  static Set<String> references(String specText) {
    Set<String> names = new TreeSet<>();
    Matcher m = ENV_REFERENCE.matcher(specText);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private static Set<String> referencedNames(List<Path> specPaths) {
    Set<String> names = new TreeSet<>();
    try {
      for (Path file : specFiles(specPaths)) {
        names.addAll(references(Files.readString(file)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }

  /** The files `apply` reads: every YAML and JSON file in a folder, or the file named. */
  private static List<Path> specFiles(List<Path> paths) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(Files::isRegularFile).filter(UpSecrets::isSpecFile).forEach(files::add);
        }
      } else if (Files.isRegularFile(path)) {
        files.add(path);
      }
    }
    return files;
  }

  private static boolean isSpecFile(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  /** Every value {@code up} made up or kept: what output must never show. */
  public Map<String, String> secrets() {
    return Map.copyOf(secrets);
  }

  public String adminPassword() {
    return secrets.get(ADMIN_PASSWORD);
  }

  /**
   * The variables apply needs against the server at {@code keycloakUrl}, as the env file has them.
   */
  public Map<String, String> variables(String keycloakUrl) {
    Map<String, String> variables = new TreeMap<>(secrets);
    variables.put("KEYCLOAK_URL", keycloakUrl);
    variables.put("KEYCLOAK_USER", ADMIN_USER);
    return variables;
  }

  /** Writes {@link #variables} to the env file, owner-only. */
  public void write(Path envFile, String keycloakUrl) {
    EnvFile.write(envFile, variables(keycloakUrl));
  }

  private static String random() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
