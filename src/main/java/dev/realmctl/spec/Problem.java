package dev.realmctl.spec;

/** One thing wrong (or suspicious) in a spec, anchored to where the user wrote it. */
public record Problem(Location location, Severity severity, String message) {

  public enum Severity {
    ERROR,
    WARNING
  }

  public static Problem error(Location location, String message) {
    return new Problem(location, Severity.ERROR, message);
  }

  public static Problem warning(Location location, String message) {
    return new Problem(location, Severity.WARNING, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** One line, whatever the spec's names and values hold: a key can't forge another problem. */
  @Override
  public String toString() {
    return Printable.of(location + ": " + (isError() ? "" : "warning: ") + message);
  }
}
