package dev.realmctl.spec;

import java.util.Collection;
import java.util.Optional;

/**
 * "Did you mean" for misspelt field names. It runs once per unknown key, against every known field,
 * so a spec of many unknown keys must not make it the cost of a run: candidates too far apart by
 * length are skipped, and the distance gives up as soon as it must exceed the limit.
 */
final class Suggestions {
  private Suggestions() {}

  static Optional<String> closest(String typed, Collection<String> known) {
    int limit = Math.max(2, typed.length() / 4);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    int[] letters = new int[LETTER_BUCKETS];
    for (int i = 0; i < typed.length(); i++) {
      letters[bucket(typed.charAt(i))]++;
    }
    for (String candidate : known) {
      if (Math.abs(typed.length() - candidate.length()) > limit
          || unsharedLetters(typed, letters, candidate) > limit
          || distance(typed, candidate, limit, true) > limit) {
        continue;
      }
      int exact = distance(typed, candidate, Integer.MAX_VALUE - 1, false);
      if (exact < bestDistance) {
        best = candidate;
        bestDistance = exact;
      }
    }
    return Optional.ofNullable(best);
  }

  private static final int LETTER_BUCKETS = 128;

  private static int bucket(int c) {
    return Character.toLowerCase(c) % LETTER_BUCKETS;
  }

  /**
   * A lower bound of the case-blind distance: each letter one word has beyond the other's takes an
   * edit. {@code letters} holds the typed word's letter counts and is left as it was found.
   */
  private static int unsharedLetters(String typed, int[] letters, String candidate) {
    int shared = 0;
    for (int i = 0; i < candidate.length(); i++) {
      if (letters[bucket(candidate.charAt(i))]-- > 0) {
        shared++;
      }
    }
    for (int i = 0; i < candidate.length(); i++) {
      letters[bucket(candidate.charAt(i))]++;
    }
    return Math.max(typed.length() - shared, candidate.length() - shared);
  }

  /** Levenshtein distance, or {@code limit + 1} once it is certain to be above the limit. */
  private static int distance(String a, String b, int limit, boolean ignoreCase) {
    if (Math.abs(a.length() - b.length()) > limit) {
      return limit + 1;
    }
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      int rowMinimum = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = same(a.charAt(i - 1), b.charAt(j - 1), ignoreCase) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
        rowMinimum = Math.min(rowMinimum, current[j]);
      }
      if (rowMinimum > limit) {
        return limit + 1;
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return Math.min(previous[b.length()], limit + 1);
  }

  private static boolean same(char x, char y, boolean ignoreCase) {
    return x == y || ignoreCase && Character.toLowerCase(x) == Character.toLowerCase(y);
  }
}
