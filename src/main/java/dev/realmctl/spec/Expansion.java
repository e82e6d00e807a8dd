package dev.realmctl.spec;

import java.util.function.Supplier;

/**
 * How much a file's documents may weigh as their aliases expand them, in nodes plus scalar
 * characters. A file without aliases weighs at most about 1.5 times its length, so twice that plus
 * a fixed allowance leaves room for every ordinary use of anchors, while fifty aliases of lists of
 * aliases (billions of nodes from a few hundred bytes) stop within milliseconds. What {@code
 * ${env:}} and {@code ${file:}} bring in has a budget of its own, so that neither many references
 * nor aliases of one can hold gigabytes.
 */
final class Expansion {
  static final long ALLOWANCE = 100_000;
  static final long SUBSTITUTED_LIMIT = 8L * 1024 * 1024;

  private final long budget;
  private long left;
  private long substitutedLeft = SUBSTITUTED_LIMIT;

  private Expansion(long budget) {
    this.budget = budget;
    this.left = budget;
  }

  static Expansion of(String text) {
    return new Expansion(2L * text.length() + ALLOWANCE);
  }

  /** Takes {@code weight} from the budget; past it, stops the conversion at {@code site}. */
  void spend(long weight, Supplier<Location> site) {
    left -= weight;
    if (left < 0) {
      throw new Exceeded(
          site.get(),
          "aliases here expand the document beyond "
              + budget
              + " nodes and characters (twice the file's size plus "
              + ALLOWANCE
              + "): write the repeated parts out, or anchor fewer of them");
    }
  }

  /** Takes the length of a substituted value; past the budget, stops at its reference. */
  void spendSubstituted(long characters, Supplier<Location> reference) {
    substitutedLeft -= characters;
    if (substitutedLeft < 0) {
      throw new Exceeded(
          reference.get(),
          "values of ${env:} and ${file:} references in this file exceed "
              + SUBSTITUTED_LIMIT
              + " characters in total");
    }
  }

  /** Stops the conversion: nothing past the budget is built. No stack trace: it is not a bug. */
  static final class Exceeded extends RuntimeException {
    private final transient Location at;

    Exceeded(Location at, String message) {
      super(message, null, false, false);
      this.at = at;
    }

    Location at() {
      return at;
    }
  }
}
