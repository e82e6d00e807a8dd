package dev.realmctl.render;

import dev.realmctl.plan.Plan;

/** A plan as people or tools read it. Implementations never print a secret. */
public interface PlanRenderer {

  String render(Plan plan);

  static PlanRenderer of(Format format, boolean color) {
    return switch (format) {
      case TEXT -> new TextRenderer(color);
      case MARKDOWN -> new MarkdownRenderer();
      case JSON -> new JsonRenderer();
    };
  }

  enum Format {
    TEXT,
    MARKDOWN,
    JSON
  }
}
