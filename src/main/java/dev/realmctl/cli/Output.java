package dev.realmctl.cli;

import dev.realmctl.spec.Redactor;
import java.io.PrintWriter;

/** Everything realmctl prints goes through here, and through the redactor on its way. */
final class Output {
  private final PrintWriter out;
  private final PrintWriter err;
  private final Redactor redactor;

  Output(PrintWriter out, PrintWriter err, Redactor redactor) {
    this.out = out;
    this.err = err;
    this.redactor = redactor;
  }

  void print(String text) {
    out.print(redactor.redact(text));
    out.flush();
  }

  /**
   * Data another program reads (an export): written as it is. It holds no secret by construction,
   * and masking would corrupt it.
   */
  void data(String text) {
    out.print(text);
    out.flush();
  }

  void println(String text) {
    print(text + System.lineSeparator());
  }

  void error(String text) {
    err.println(redactor.redact(text));
    err.flush();
  }
}
