package dev.realmctl.render;

import dev.realmctl.plan.Action;
import dev.realmctl.plan.Change;
import dev.realmctl.plan.FieldChange;
import dev.realmctl.plan.Plan;
import java.util.List;

/** A pull-request comment: summary first, then a table of changes, field diffs in a code block. */
final class MarkdownRenderer implements PlanRenderer {

  @Override
  public String render(Plan plan) {
    StringBuilder out = new StringBuilder("### realmctl plan\n\n");
    out.append("**").append(Summary.of(plan)).append("**");
    plan.keycloakVersion()
        .ifPresent(v -> out.append(" (planned against Keycloak ").append(v).append(")"));
    out.append("\n");
    if (!plan.resourceChanges().isEmpty()) {
      table(plan, out);
    }
    if (!plan.bookkeeping().isEmpty()) {
      out.append('\n');
    }
    // Apart from the table: it changes nothing the realm's users see.
    plan.bookkeeping()
        .forEach(
            change ->
                out.append("Bookkeeping in ")
                    .append(code(change.id().realm()))
                    .append(": ")
                    .append(code(Bookkeeping.line(change)))
                    .append("\n"));
    return out.toString();
  }

  private static void table(Plan plan, StringBuilder out) {
    out.append("\n| | realm | resource | details |\n|---|---|---|---|\n");
    int breakPoint = Values.breakPointIn(plan.resourceChanges(), plan);
    List<Change> changes = plan.resourceChanges();
    for (int i = 0; i < changes.size(); i++) {
      Change change = changes.get(i);
      if (i == breakPoint) {
        out.append("| ⏸ | | | ").append(Values.BREAK_POINT).append(" |\n");
      }
      out.append("| ")
          .append(symbol(change.action()))
          .append(" | ")
          .append(code(change.id().realm()))
          .append(" | ")
          .append(code(change.id().path()))
          .append(" | ")
          .append(details(change))
          .append(" |\n");
    }
  }

  private static String symbol(Action action) {
    return switch (action) {
      case CREATE -> "➕ create";
      case UPDATE -> "✏️ update";
      case DELETE -> "❌ delete";
    };
  }

  private static String details(Change change) {
    if (change.action() == Action.CREATE) {
      return String.join(
          "<br>",
          change.after().entrySet().stream()
              .map(e -> code(e.getKey() + ": " + Values.show(e.getValue())))
              .toList());
    }
    if (change.action() != Action.UPDATE) {
      return "";
    }
    return String.join("<br>", change.fields().stream().map(MarkdownRenderer::field).toList());
  }

  /**
   * Text in a table cell as a code span: on one line, with nothing that ends the cell or the span.
   * Inside a code span Markdown and HTML are not interpreted.
   */
  static String code(String text) {
    return "`" + Values.name(text).replace("|", "\\|").replace("`", "'") + "`";
  }

  private static String field(FieldChange change) {
    String text =
        Values.isSensitive(change.before(), change.after())
            ? change.name() + " " + Values.SENSITIVE_CHANGE
            : change.name()
                + ": "
                + Values.show(change.before())
                + " → "
                + Values.show(change.after());
    return code(text);
  }
}
