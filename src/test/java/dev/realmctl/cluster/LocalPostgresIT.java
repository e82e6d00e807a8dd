package dev.realmctl.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.realmctl.local.LocalPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster's PostgreSQL started from a folder only its owner may enter, as a clone under {@code
 * /root} or a {@code mktemp -d} is. As root, PostgreSQL runs as the postgres user, who could not
 * reach such a folder: its files go to a private folder of that user's, removed at stop.
 */
class LocalPostgresIT {
  @TempDir Path folder;

  @Test
  void startsAndStopsFromAFolderOnlyItsOwnerMayEnter() throws Exception {
    assumeTrue(
        LocalPostgres.binaries().isPresent(), "needs PostgreSQL: apt-get install postgresql");
    Path closed =
        Files.createDirectory(
            folder.resolve("closed"),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    boolean root = "root".equals(System.getProperty("user.name"));

    Path files;
    try (LocalPostgres postgres = LocalPostgres.start(closed.resolve("postgres"))) {
      assertFalse(postgres.processes().isEmpty(), "the server runs");
      files = postgres.dataDir().getParent();
      assertEquals("rwx------", mode(files));
      if (root) {
        assertFalse(files.startsWith(closed), files + " is where postgres cannot go");
        assertEquals("postgres", Files.getOwner(files).getName());
        assertEquals("postgres", Files.getOwner(postgres.dataDir()).getName());
      } else {
        assertTrue(files.startsWith(closed), files.toString());
      }
    }
    assertEquals(!root, Files.exists(files), "a folder outside the caller's is removed at stop");
  }

  private static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
