package dev.realmctl.render;

import dev.realmctl.plan.Action;
import dev.realmctl.plan.Change;
import dev.realmctl.plan.FieldChange;
import dev.realmctl.plan.Plan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Terraform-style text: one line per change, the fields that change beneath it. */
final class TextRenderer implements PlanRenderer {
  private static final String RESET = "\u001b[0m";
  private final boolean color;

  TextRenderer(boolean color) {
    this.color = color;
  }

  @Override
  public String render(Plan plan) {
    StringBuilder out = new StringBuilder();
    List<Change> all = plan.changes();
    int breakPoint = plan.breakPoint().orElse(all.size());
    Map<String, List<Integer>> byRealm = new LinkedHashMap<>();
    for (int i = 0; i < all.size(); i++) {
      byRealm.computeIfAbsent(all.get(i).id().realm(), r -> new ArrayList<>()).add(i);
    }
    byRealm.forEach(
        (realm, indexes) -> {
          out.append("realm ").append(Values.name(realm)).append('\n');
          boolean marked = false;
          List<Change> bookkeeping = new ArrayList<>();
          for (int i : indexes) {
            if (plan.bookkeeping().contains(all.get(i))) {
              bookkeeping.add(all.get(i));
              continue;
            }
            if (i >= breakPoint && !marked) {
              out.append("  ").append(Values.BREAK_POINT).append('\n');
              marked = true;
            }
            line(out, all.get(i));
          }
          // Apart from the resources: it changes nothing the realm's users see.
          if (!bookkeeping.isEmpty() && bookkeeping.size() < indexes.size()) {
            out.append('\n');
          }
          bookkeeping.forEach(c -> out.append("  ").append(Bookkeeping.line(c)).append('\n'));
          out.append('\n');
        });
    return out.append(Summary.of(plan)).append('\n').toString();
  }

  private void line(StringBuilder out, Change change) {
    String head =
        "  "
            + paint(
                change.action(), change.action().symbol() + " " + Values.name(change.id().path()));
    if (change.action() == Action.UPDATE && change.fields().size() == 1) {
      out.append(head).append(": ").append(field(change.fields().get(0))).append('\n');
      return;
    }
    out.append(head).append('\n');
    if (change.action() == Action.UPDATE) {
      change.fields().forEach(f -> out.append("      ").append(field(f)).append('\n'));
    } else if (change.action() == Action.CREATE && change.after().size() > 1) {
      change
          .after()
          .forEach(
              (k, v) ->
                  out.append("      ")
                      .append(Values.name(k))
                      .append(": ")
                      .append(Values.show(v))
                      .append('\n'));
    }
  }

  private static String field(FieldChange change) {
    if (Values.isSensitive(change.before(), change.after())) {
      return Values.name(change.name()) + " " + Values.SENSITIVE_CHANGE;
    }
    return Values.name(change.name())
        + " "
        + Values.show(change.before())
        + " -> "
        + Values.show(change.after());
  }

  private String paint(Action action, String text) {
    if (!color) {
      return text;
    }
    String code =
        switch (action) {
          case CREATE -> "\u001b[32m";
          case UPDATE -> "\u001b[33m";
          case DELETE -> "\u001b[31m";
        };
    return code + text + RESET;
  }
}
