package dev.realmctl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keycloak's client library stays at the boundary: spec, plan, render and cli never see it. */
class BoundaryTest {
  @Test
  void onlyTheKeycloakPackageImportsTheAdminClient() throws IOException {
    Path main = Path.of("src/main/java/dev/realmctl");
    try (Stream<Path> files = Files.walk(main)) {
      List<String> offenders =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> !p.startsWith(main.resolve("keycloak")))
              // The contract's console steps act as a person in the admin console does.
              .filter(p -> !p.startsWith(main.resolve("contract")))
              .filter(BoundaryTest::importsKeycloakClient)
              .map(Path::toString)
              .toList();
      assertEquals(List.of(), offenders);
    }
  }

  private static boolean importsKeycloakClient(Path file) {
    try {
      return Files.readAllLines(file).stream()
          .anyMatch(
              line ->
                  line.startsWith("import org.keycloak.") || line.startsWith("import jakarta.ws."));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
