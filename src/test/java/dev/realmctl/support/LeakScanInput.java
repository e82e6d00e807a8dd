package dev.realmctl.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;

/**
 * The secrets a test run used, kept for the leak scan that runs after all integration tests (a
 * later build step, see the pom). The file lives apart from every folder the scan reads.
 */
public final class LeakScanInput {
  public static final Path FILE = Path.of("target/leak-scan/secrets.txt");

  private LeakScanInput() {}

  static synchronized void record(Collection<String> secrets) {
    try {
      Files.createDirectories(FILE.getParent());
      Files.write(FILE, secrets, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<String> recorded() throws IOException {
    return Files.exists(FILE)
        ? Files.readAllLines(FILE).stream().filter(s -> !s.isBlank()).distinct().toList()
        : List.of();
  }
}
