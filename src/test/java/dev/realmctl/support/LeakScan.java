package dev.realmctl.support;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs after the integration tests, in a build step of its own: every output they left (test stdout
 * and stderr, reports, Cucumber reports, the Keycloak log) is searched for the secrets the run
 * used. One hit fails the build.
 */
class LeakScan {
  private static final List<Path> OUTPUTS =
      List.of(
          Path.of("target/failsafe-reports"),
          Path.of("target/surefire-reports"),
          Path.of("target/cucumber"),
          Path.of("target/it-keycloak"));

  @Test
  void noOutputHoldsASecret() throws IOException {
    List<String> secrets = LeakScanInput.recorded();
    assumeFalse(secrets.isEmpty(), "no integration test ran, so no secret to look for");
    List<String> hits = new ArrayList<>();
    int scanned = 0;
    for (Path folder : OUTPUTS) {
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(folder)) {
        for (Path file : files.filter(Files::isRegularFile).filter(LeakScan::isText).toList()) {
          scanned++;
          String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
          secrets.stream().filter(text::contains).forEach(s -> hits.add(file.toString()));
        }
      }
    }
    System.out.println(
        "leak scan: "
            + secrets.size()
            + " secrets, "
            + scanned
            + " files, "
            + hits.size()
            + " hits");
    assertTrue(scanned > 0, "nothing to scan");
    assertTrue(hits.isEmpty(), "a secret appears in " + hits);
  }

  private static boolean isText(Path file) {
    String name = file.getFileName().toString();
    return !(name.endsWith(".db") || name.endsWith(".mv.db") || name.endsWith(".jar"));
  }
}
