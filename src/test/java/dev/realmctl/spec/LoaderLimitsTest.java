package dev.realmctl.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.keycloak.RepresentationCatalog;
import java.io.IOException;
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
    SpecException e =
        assertThrows(
            SpecException.class,
            () ->
                new SpecLoader(CATALOG, Variables.of(Map.of()), new Redactor())
                    .load(List.of(file)));
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

  /** A guard against a hang, not a benchmark: the machine may be busy, so costs are CPU time. */
  private static final Duration HANG = Duration.ofSeconds(60);

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
}
