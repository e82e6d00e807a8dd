package dev.realmctl.spec;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The variables {@code validate} loads with, so it works without the secrets a pipeline holds: a
 * value that is set is used; one that is not is recorded and stands in as a placeholder, so
 * everything but the value is still checked. {@code plan} and {@code apply} use the plain {@link
 * Variables} and refuse what is missing.
 */
public final class OfflineVariables implements Variables {
  /** What a missing value reads as: never sent anywhere, since validate does not connect. */
  static final String PLACEHOLDER = "realmctl-validate-placeholder";

  private final Variables present;
  private final SortedSet<String> missingEnvironment = new TreeSet<>();
  private final SortedSet<Path> missingFiles = new TreeSet<>();

  public OfflineVariables(Variables present) {
    this.present = present;
  }

  @Override
  public synchronized Optional<String> env(String name) {
    Optional<String> value = present.env(name);
    if (value.isEmpty()) {
      missingEnvironment.add(name);
    }
    return value.or(() -> Optional.of(PLACEHOLDER));
  }

  @Override
  public synchronized Read file(Path specFolder, String path) {
    Read read = present.file(specFolder, path);
    if (read.value().isPresent()) {
      return read;
    }
    missingFiles.add(specFolder.resolve(path).normalize());
    return Read.of(Optional.of(PLACEHOLDER), "");
  }

  /** The environment variables the specs name that are not set here, sorted. */
  public synchronized Set<String> missingEnvironment() {
    return new TreeSet<>(missingEnvironment);
  }

  /** The files the specs name that cannot be read here, sorted. */
  public synchronized Set<Path> missingFiles() {
    return new TreeSet<>(missingFiles);
  }
}
