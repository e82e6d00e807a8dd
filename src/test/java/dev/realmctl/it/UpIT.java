package dev.realmctl.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.realmctl.support.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code up} as a newcomer runs it: its own Keycloak from the server distribution, the shipped
 * realms applied, then stopped ({@code --no-wait}). What it leaves on disk is its owner's only, and
 * no secret it made up is printed. Needs the server distribution; starts a server of its own.
 */
class UpIT {
  private static final Pattern EXPORT = Pattern.compile("^export ([A-Z0-9_]+)='([^']*)'$");
  private static final Set<PosixFilePermission> OTHERS =
      Set.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);

  @Test
  void upAppliesTheRealmsAndKeepsItsStateToItsOwner() throws IOException {
    Path home = Path.of(System.getProperty("realmctl.keycloak.home", "missing"));
    assumeTrue(Files.isDirectory(home), "needs the unpacked server distribution");
    Path state = home.getParent().getParent().resolve("it-up/run-" + System.currentTimeMillis());

    var run =
        Cli.run(
            Map.of(),
            "up",
            "--no-wait",
            "--state-dir",
            state.toString(),
            "--keycloak-home",
            home.toString(),
            Path.of(System.getProperty("realmctl.project.dir", ".")).resolve("realms").toString());

    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("Realms applied."), run.out());
    assertEquals("rwx------", mode(state.resolve("keycloak-data")));
    assertEquals("rw-------", mode(state.resolve("keycloak.log")));
    assertEquals("rw-------", mode(state.resolve("up.env")));
    List<String> open = new ArrayList<>();
    try (Stream<Path> files = Files.walk(state.resolve("keycloak-data"))) {
      files
          .filter(f -> !java.util.Collections.disjoint(permissions(f), OTHERS))
          .forEach(f -> open.add(f + " " + mode(f)));
    }
    assertEquals(List.of(), open, "files the server wrote that others may open");
    for (String line : Files.readAllLines(state.resolve("up.env"))) {
      Matcher m = EXPORT.matcher(line);
      if (m.matches() && !Set.of("KEYCLOAK_URL", "KEYCLOAK_USER").contains(m.group(1))) {
        assertFalse(
            run.out().contains(m.group(2)) || run.err().contains(m.group(2)),
            m.group(1) + " was printed");
      }
    }
  }

  private static Set<PosixFilePermission> permissions(Path path) {
    try {
      return Files.getPosixFilePermissions(path);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String mode(Path path) {
    return PosixFilePermissions.toString(permissions(path));
  }
}
