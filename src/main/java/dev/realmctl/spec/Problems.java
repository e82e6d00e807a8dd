package dev.realmctl.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem of a run so the user sees them all at once, not one per attempt. */
public final class Problems {
  private final List<Problem> all = new ArrayList<>();
  private final boolean strict;

  public Problems() {
    this(false);
  }

  /** With {@code strict}, what is only unwise (a secret written in the spec) is an error too. */
  public Problems(boolean strict) {
    this.strict = strict;
  }

  public void error(Location location, String message) {
    all.add(Problem.error(location, message));
  }

  public void warning(Location location, String message) {
    all.add(Problem.warning(location, message));
  }

  /** A secret written in the spec's text: accepted, as exports carry them, unless strict. */
  public void secretInText(Location location, String field) {
    String message =
        "'"
            + field
            + "' is a secret written in the spec; give it with ${env:NAME} or ${file:PATH}"
            + (strict ? "" : " (--strict refuses this)");
    all.add(strict ? Problem.error(location, message) : Problem.warning(location, message));
  }

  public void addAll(Problems other) {
    all.addAll(other.all);
  }

  public boolean hasErrors() {
    return all.stream().anyMatch(Problem::isError);
  }

  public List<Problem> sorted() {
    return all.stream()
        .sorted(
            Comparator.comparing((Problem p) -> p.location().file().toString())
                .thenComparingInt(p -> p.location().line())
                .thenComparingInt(p -> p.location().column()))
        .toList();
  }

  /** Throws when any error was collected; warnings alone never stop a run. */
  public void throwIfErrors() {
    if (hasErrors()) {
      throw new SpecException(sorted());
    }
  }
}
