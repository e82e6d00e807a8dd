package dev.realmctl.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.realmctl.keycloak.RepresentationCatalog;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile input is refused at its line, quickly, in little memory, and without a stack trace. */
class LoaderLimitsTest {
  private static final RepresentationCatalog CATALOG = new RepresentationCatalog();
  @TempDir Path folder;

  private Path write(String content) throws IOException {
    return Files.writeString(folder.resolve("realm.yaml"), content);
  }

  private List<String> errors(Path file) {
    return errors(file, Map.of());
  }

  private List<String> errors(Path file, Map<String, String> env) {
    SpecException e =
        assertThrows(
            SpecException.class,
            () -> new SpecLoader(CATALOG, Variables.of(env), new Redactor()).load(List.of(file)));
    return e.problems().stream().map(p -> p.toString().replace(file + ":", "")).toList();
  }

  /** What running {@code work} cost the calling thread: CPU time and bytes allocated. */
  private record Cost(long cpuMillis, long allocatedMegabytes) {
    static Cost of(Runnable work) {
      var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      long cpu = threads.getCurrentThreadCpuTime();
      long allocated = threads.getCurrentThreadAllocatedBytes();
      work.run();
      return new Cost(
          (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000,
          (threads.getCurrentThreadAllocatedBytes() - allocated) >> 20);
    }
  }

  /**
   * A guard against a hang, not a benchmark: a loaded CI machine may take minutes of wall time for
   * what costs a second of CPU, so costs are asserted as CPU time and allocation instead.
   */
  private static final Duration HANG = Duration.ofMinutes(5);

  @Test
  void fortyThousandUnknownKeysAreReportedQuicklyInLittleMemory() throws IOException {
    StringBuilder yaml = new StringBuilder("realm: r\n");
    for (int i = 0; i < 40_000; i++) {
      yaml.append("unknownSetting").append(i).append(": x\n");
    }
    Path file = write(yaml.toString());
    Cost cost =
        assertTimeoutPreemptively(
            HANG, () -> Cost.of(() -> assertEquals(40_000, errors(file).size())));
    // Before: 6 to 12 s of CPU and 2.2 GB allocated, a did-you-mean over every field per key.
    assertTrue(cost.cpuMillis() < 5_000 && cost.allocatedMegabytes() < 500, cost::toString);
  }

  @Test
  void aliasesOfAliasesWithinTheAliasCapStopAtTheirLineQuickly() throws IOException {
    // 48 aliases (the cap is 50): 8 lists of 8 aliases of the list before, 2 million strings.
    StringBuilder yaml =
        new StringBuilder("realm: r\nattributes:\n  l0: &l0 [a, a, a, a, a, a, a, a]\n");
    for (int level = 1; level <= 6; level++) {
      String alias = "*l" + (level - 1);
      yaml.append("  l").append(level).append(": &l").append(level).append(" [");
      yaml.append(String.join(", ", java.util.Collections.nCopies(8, alias))).append("]\n");
    }
    Path file = write(yaml.toString());
    var result =
        new Object() {
          List<String> errors;
        };
    Cost cost = assertTimeoutPreemptively(HANG, () -> Cost.of(() -> result.errors = errors(file)));
    assertEquals(1, result.errors.size(), result.errors::toString);
    assertTrue(
        result.errors.get(0).matches("[6-9]:\\d+: aliases here expand the document beyond .*"),
        result.errors::toString);
    assertTrue(cost.cpuMillis() < 1_000 && cost.allocatedMegabytes() < 100, cost::toString);
  }

  @Test
  void aliasesOfAnEnvironmentValueCannotHoldGigabytes() throws IOException {
    StringBuilder yaml = new StringBuilder("realm: r\nattributes:\n  big: &big ${env:BIG}\n");
    for (int i = 0; i < 100; i++) {
      yaml.append("  copy").append(i).append(": *big\n");
    }
    Path file = write(yaml.toString());
    List<String> errors = errors(file, Map.of("BIG", "x".repeat(100_000)));
    assertEquals(1, errors.size(), errors::toString);
    assertTrue(
        errors
            .get(0)
            .matches(
                "\\d+:3: values of \\$\\{env:} and \\$\\{file:} references in this file exceed .*"),
        errors::toString);
  }

  @Test
  void snakeYamlLimitsAndSpecialCharactersPointAtTheirPlace() throws IOException {
    StringBuilder aliases = new StringBuilder("realm: r\nattributes:\n  a: &a [x]\n");
    for (int i = 0; i < 60; i++) {
      aliases.append("  k").append(i).append(": *a\n");
    }
    assertEquals(
        List.of("54:8: Number of aliases for non-scalar nodes exceeds the specified max=50"),
        errors(write(aliases.toString())));
    assertEquals(
        List.of("3:54: Nesting Depth exceeded max 50"),
        errors(write("realm: r\nattributes:\n  x: " + "[".repeat(60) + "]".repeat(60) + "\n")));
    assertEquals(
        List.of("4:8: special characters are not allowed (U+0001)"),
        errors(write("realm: r\ndisplayName: ok\nattributes:\n  x: \"a\u0001b\"\n")));
  }

  private List<String> fileReferenceErrors(String path) throws IOException {
    return assertTimeoutPreemptively(
        HANG, () -> errors(write("realm: r\ndisplayName: ${file:" + path + "}\n")));
  }

  @Test
  void fileReferencesReadRegularFilesOnly() throws IOException {
    assumeTrue(Files.exists(Path.of("/dev/zero")), "a Unix device to refuse");
    assertEquals(
        List.of("2:14: ${file:/dev/zero}: not a regular file"), fileReferenceErrors("/dev/zero"));
    Files.createSymbolicLink(folder.resolve("zero"), Path.of("/dev/zero"));
    assertEquals(List.of("2:14: ${file:zero}: not a regular file"), fileReferenceErrors("zero"));
    Files.createDirectory(folder.resolve("keys"));
    assertEquals(List.of("2:14: ${file:keys}: not a regular file"), fileReferenceErrors("keys"));
    assertEquals(List.of("2:14: ${file:none}: no such file"), fileReferenceErrors("none"));
  }

  @Test
  void fileReferencesNeverWaitOnAFifo() throws Exception {
    Path fifo = folder.resolve("pipe");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(mkfifo.waitFor() == 0 && Files.exists(fifo), "mkfifo is available");
    assertEquals(List.of("2:14: ${file:pipe}: not a regular file"), fileReferenceErrors("pipe"));
  }

  @Test
  void fileReferencesReadAtMostOneMebibyte() throws IOException {
    try (RandomAccessFile sparse = new RandomAccessFile(folder.resolve("big").toFile(), "rw")) {
      sparse.setLength(64L << 20);
    }
    assertEquals(List.of("2:14: ${file:big}: is larger than 1024 KiB"), fileReferenceErrors("big"));
    Files.writeString(folder.resolve("name"), "Realm R\n");
    Path file = write("realm: r\ndisplayName: ${file:name}\n");
    var realm =
        new SpecLoader(CATALOG, Variables.of(Map.of()), new Redactor())
            .load(List.of(file))
            .realms()
            .get(0);
    assertEquals(new Sensitive("Realm R"), realm.settings().get("displayName"));
  }

  @Test
  void aSpecPathThatIsADeviceIsNotAFile() {
    Path zero = Path.of("/dev/zero");
    assumeTrue(Files.exists(zero), "a Unix device to refuse");
    assertEquals(List.of("1:1: not a regular file"), errors(zero));
  }
}
