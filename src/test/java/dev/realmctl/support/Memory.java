package dev.realmctl.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Resident memory of processes, from /proc (Linux only; 0 elsewhere). PSS rather than RSS for a
 * group of processes: PostgreSQL's backends share their buffers, which RSS would count each time.
 */
public final class Memory {
  private Memory() {}

  public static long rssMib(List<ProcessHandle> processes) {
    return processes.stream().mapToLong(p -> field(p, "status", "VmRSS:")).sum() / 1024;
  }

  public static long pssMib(List<ProcessHandle> processes) {
    return processes.stream().mapToLong(p -> field(p, "smaps_rollup", "Pss:")).sum() / 1024;
  }

  private static long field(ProcessHandle process, String file, String name) {
    try {
      return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), file)).stream()
          .filter(line -> line.startsWith(name))
          .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
          .findFirst()
          .orElse(0);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
