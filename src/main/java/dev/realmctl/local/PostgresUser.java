package dev.realmctl.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Who runs PostgreSQL's programs, and where that user may keep files. PostgreSQL refuses to run as
 * root, so as root every program runs as the {@code postgres} user Debian's package creates; that
 * user cannot enter a folder only root may (a clone under {@code /root}, a {@code mktemp -d}), so
 * its files go to a private folder of its own under the system's temporary folder instead.
 */
final class PostgresUser {
  static final String NAME = "postgres";

  private PostgresUser() {}

  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** What goes before a program's path to run it as the right user. */
  static List<String> commandPrefix() {
    return isRoot() ? List.of("runuser", "-u", NAME, "--") : List.of();
  }

  /** Hands a folder realmctl made to the user that runs PostgreSQL. */
  static void own(Path path) throws IOException {
    if (isRoot()) {
      var lookup = path.getFileSystem().getUserPrincipalLookupService();
      Files.setOwner(path, lookup.lookupPrincipalByName(NAME));
    }
  }

  /**
   * The folder PostgreSQL's files go in: {@code wanted} itself unless running as root; as root, a
   * new 0700 folder the postgres user owns under {@code temporaryRoot} (removed at stop).
   */
  static Path home(Path wanted, Path temporaryRoot) throws IOException {
    if (!isRoot()) {
      return OwnerOnly.createDirectories(wanted);
    }
    blockedOnTheWay(temporaryRoot, PostgresUser::canEnter)
        .ifPresent(
            blocked -> {
              throw new IllegalStateException(cannotEnter(blocked, temporaryRoot));
            });
    // 0700 from the start (Java's default for a temporary folder), then the postgres user's.
    Path home = Files.createTempDirectory(temporaryRoot, "realmctl-postgres-");
    own(home);
    return home;
  }

  static String cannotEnter(Path blocked, Path temporaryRoot) {
    return "PostgreSQL refuses to run as root, so realmctl runs it as the "
        + NAME
        + " user, in a private folder under "
        + temporaryRoot
        + "; that user cannot enter "
        + blocked
        + ". Let it (chmod o+x "
        + blocked
        + "), or name another temporary folder it can enter (JAVA_TOOL_OPTIONS="
        + "-Djava.io.tmpdir=/var/tmp), or run realmctl as a user other than root.";
  }

  /** The first folder from {@code /} down to {@code folder} that {@code canEnter} refuses. */
  static Optional<Path> blockedOnTheWay(Path folder, Predicate<Path> canEnter) {
    List<Path> way = new ArrayList<>();
    for (Path p = folder.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
      way.add(0, p);
    }
    return way.stream().filter(canEnter.negate()).findFirst();
  }

  /** Asks the system, as the postgres user: its groups and ACLs count, not just the mode bits. */
  private static boolean canEnter(Path folder) {
    try {
      Process test =
          new ProcessBuilder("runuser", "-u", NAME, "--", "test", "-x", folder.toString())
              .directory(Path.of("/").toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!test.waitFor(30, TimeUnit.SECONDS)) {
        test.destroyForcibly();
        return false;
      }
      return test.exitValue() == 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking " + folder, e);
    }
  }
}
