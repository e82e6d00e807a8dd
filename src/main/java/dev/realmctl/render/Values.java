package dev.realmctl.render;

import dev.realmctl.plan.Change;
import dev.realmctl.plan.Plan;
import dev.realmctl.spec.Printable;
import dev.realmctl.spec.Sensitive;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a value reads in a plan: JSON-like, short, and never a secret. */
final class Values {
  static final String SENSITIVE_CHANGE = "(sensitive value changed)";

  /** Marks where apply pauses: the removals after it wait until what replaces them is live. */
  static final String BREAK_POINT =
      "... then, once the changes above are live (--break-after), the removals:";

  private Values() {}

  static String show(Optional<Object> value) {
    return value.map(Values::show).orElse("(unset)");
  }

  static String show(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Sensitive) {
      return "(sensitive)";
    }
    if (value instanceof String text) {
      return quoted(text);
    }
    if (value instanceof List<?> list) {
      return list.stream().map(Values::show).collect(Collectors.joining(",", "[", "]"));
    }
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream()
          .map(e -> Printable.of(String.valueOf(e.getKey())) + ": " + show(e.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    return Printable.of(String.valueOf(value));
  }

  /**
   * A string as the plan shows it: quoted, with quotes, backslashes and control characters escaped.
   */
  static String quoted(String text) {
    return "\"" + Printable.of(text.replace("\\", "\\\\").replace("\"", "\\\"")) + "\"";
  }

  /** A name (a path, a field) on one line. */
  static String name(String text) {
    return Printable.of(text);
  }

  static boolean isSensitive(Optional<Object> before, Optional<Object> after) {
    return before.filter(Sensitive.class::isInstance).isPresent()
        || after.filter(Sensitive.class::isInstance).isPresent();
  }

  /** The break point's index among {@code shown}, a part of the plan's changes; -1 if none. */
  static int breakPointIn(List<Change> shown, Plan plan) {
    if (plan.breakPoint().isEmpty()) {
      return -1;
    }
    Change pause = plan.changes().get(plan.breakPoint().getAsInt());
    for (int i = 0; i < shown.size(); i++) {
      if (shown.get(i) == pause) {
        return i;
      }
    }
    return -1;
  }
}
