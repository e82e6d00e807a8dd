package dev.realmctl.spec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The check every kind makes: each of its elements declared once. */
public final class Unique {
  private Unique() {}

  public static <T> void names(
      List<T> items,
      Function<T, String> key,
      Function<T, Origin> origin,
      SpecKind kind,
      Problems problems) {
    Map<String, Origin> seen = new HashMap<>();
    for (T item : items) {
      Origin first = seen.putIfAbsent(key.apply(item), origin.apply(item));
      if (first != null) {
        problems.error(
            origin.apply(item).location(),
            kind.label()
                + " '"
                + key.apply(item)
                + "' is declared twice (first at "
                + (first.location().file().equals(origin.apply(item).location().file())
                    ? "line " + first.location().line()
                    : first.location().toString())
                + ")");
      }
    }
  }
}
