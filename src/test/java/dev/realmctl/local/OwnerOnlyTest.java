package dev.realmctl.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyTest {
  @TempDir Path folder;

  @Test
  void missingFoldersAreOwnerOnlyAndExistingOnesKeepTheirMode() throws Exception {
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));

    OwnerOnly.createDirectories(folder.resolve("state/keycloak-data"));

    assertEquals("rwxr-xr-x", mode(folder));
    assertEquals("rwx------", mode(folder.resolve("state")));
    assertEquals("rwx------", mode(folder.resolve("state/keycloak-data")));
  }

  @Test
  void aFolderOfItsOwnIsClosedEvenIfAnEarlierRunLeftItOpen() throws Exception {
    Path data = Files.createDirectory(folder.resolve("keycloak-data"));
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));

    OwnerOnly.directory(data);

    assertEquals("rwx------", mode(data));
  }

  @Test
  void filesAreCreatedOrClosedBeforeAnythingIsWritten() throws Exception {
    Path log = folder.resolve("state/keycloak.log");
    Path old = Files.writeString(folder.resolve("up.env"), "before");
    Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));

    OwnerOnly.file(log);
    OwnerOnly.write(old, "after");

    assertEquals("rw-------", mode(log));
    assertEquals("rw-------", mode(old));
    assertEquals("after", Files.readString(old));
  }

  @Test
  void whatACommandCreatesIsOwnerOnlyWhateverTheUmask() throws Exception {
    Path made = folder.resolve("made-by-the-server");
    Path madeFolder = folder.resolve("folder-made-by-the-server");

    Process process =
        new ProcessBuilder(
                OwnerOnly.command(
                    List.of(
                        "/bin/sh",
                        "-c",
                        "umask; touch \"$0\" && mkdir \"$1\"",
                        made.toString(),
                        madeFolder.toString())))
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes()).strip();
    process.waitFor(30, TimeUnit.SECONDS);

    assertEquals(0, process.exitValue(), output);
    assertEquals("0077", output);
    assertEquals("rw-------", mode(made));
    assertEquals("rwx------", mode(madeFolder));
  }

  private static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
