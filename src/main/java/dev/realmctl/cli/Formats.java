package dev.realmctl.cli;

import dev.realmctl.keycloak.NodeConvergence;
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

  /** One line per node: whether it serves the applied state, and after how long. */
  static String nodeReport(NodeConvergence.Report report) {
    String after = String.format(Locale.ROOT, "%.1f s", report.waited().toMillis() / 1000.0);
    if (report.served()) {
      return "node "
          + report.url()
          + ": serves the applied state ("
          + after
          + " after the apply, "
          + report.plans()
          + (report.plans() == 1 ? " plan)" : " plans)");
    }
    return "node "
        + report.url()
        + ": does not serve the applied state "
        + after
        + " after the apply"
        + report
            .lastError()
            .map(e -> " (unreachable: " + e + ")")
            .orElse(" (" + report.pending() + " changes still pending)");
  }
}
