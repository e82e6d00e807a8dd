package dev.realmctl.cli;

import dev.realmctl.render.PlanRenderer;
import java.util.Locale;

final class Formats {
  private Formats() {}

  static PlanRenderer renderer(String name) {
    PlanRenderer.Format format;
    try {
      format = PlanRenderer.Format.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ExitCodes.UserError(
          "unknown output format '" + name + "': use text, markdown or json");
    }
    boolean color = System.console() != null && System.getenv("NO_COLOR") == null;
    return PlanRenderer.of(format, color);
  }
}
