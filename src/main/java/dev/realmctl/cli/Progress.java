package dev.realmctl.cli;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What apply has done so far. On a terminal, one line that counts up; in a pipeline log, one line
 * per change, which is what a reviewer of the log wants to read.
 */
final class Progress {
  private final Output output;
  private final int total;
  private final boolean terminal;
  private final AtomicInteger done = new AtomicInteger();

  Progress(Output output, int total, boolean terminal) {
    this.output = output;
    this.total = total;
    this.terminal = terminal;
  }

  synchronized void done(String what) {
    int count = done.incrementAndGet();
    if (terminal) {
      String line = "[" + count + "/" + total + "] " + what;
      output.print("\r" + (line.length() > 100 ? line.substring(0, 100) : line) + "\u001b[K");
    } else {
      output.println(what);
    }
  }

  /** A line of its own, also on a terminal, where the counting line then starts again below it. */
  synchronized void note(String what) {
    output.println(terminal && done.get() > 0 ? "\n" + what : what);
  }

  void finish() {
    if (terminal && done.get() > 0) {
      output.println("");
    }
  }
}
