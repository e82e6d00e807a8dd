package dev.realmctl.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Folders and files only their owner may open. A local server's state holds what no one else on the
 * machine may read: its H2 database keeps the client secrets and the admin's password hash, its log
 * and {@code up.env} the rest. The process umask (often 022) would make them world-readable.
 */
public final class OwnerOnly {
  static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private OwnerOnly() {}

  /**
   * Creates the folder and any missing parents, each 0700; folders that already exist keep their
   * mode (a parent may be the user's own, such as the working directory).
   */
  public static Path createDirectories(Path folder) {
    Deque<Path> missing = new ArrayDeque<>();
    for (Path p = folder.toAbsolutePath().normalize();
        p != null && !Files.isDirectory(p);
        p = p.getParent()) {
      missing.push(p);
    }
    try {
      while (!missing.isEmpty()) {
        Path next = missing.pop();
        try {
          Files.createDirectory(next, attribute(DIRECTORY));
        } catch (java.nio.file.FileAlreadyExistsException raced) {
          // Another process made it in between: its mode is its own.
        }
      }
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A folder that is this tool's own (a server's data): created as {@link #createDirectories}, and
   * made 0700 if an earlier run left it open.
   */
  public static Path directory(Path folder) {
    createDirectories(folder);
    return restrict(folder, DIRECTORY);
  }

  /** The file, created empty if missing, and 0600 in any case, before anything is written to it. */
  public static Path file(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      createDirectories(parent);
    }
    try {
      if (!Files.exists(file)) {
        Files.createFile(file, attribute(FILE));
      }
    } catch (java.nio.file.FileAlreadyExistsException raced) {
      // Made in between: restricted below like any existing file.
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return restrict(file, FILE);
  }

  /**
   * {@code command} run through a shell that first sets the umask to 077: whatever the program
   * creates is its owner's only, whatever umask realmctl was started with.
   */
  public static List<String> command(List<String> command) {
    List<String> wrapped =
        new ArrayList<>(List.of("/bin/sh", "-c", "umask 077 && exec \"$0\" \"$@\""));
    wrapped.addAll(command);
    return wrapped;
  }

  /** Writes the text to an owner-only file, replacing what was there. */
  public static void write(Path file, String text) {
    try {
      Files.writeString(file(file), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path restrict(Path path, Set<PosixFilePermission> permissions) {
    try {
      if (!Files.getPosixFilePermissions(path).equals(permissions)) {
        Files.setPosixFilePermissions(path, permissions);
      }
      return path;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static FileAttribute<Set<PosixFilePermission>> attribute(
      Set<PosixFilePermission> permissions) {
    return PosixFilePermissions.asFileAttribute(permissions);
  }
}
