package dev.realmctl.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.realmctl.keycloak.RepresentationCatalog;
import dev.realmctl.plan.LiveState;
import dev.realmctl.plan.Plan;
import dev.realmctl.plan.Planner;
import dev.realmctl.spec.Redactor;
import dev.realmctl.spec.SpecLoader;
import dev.realmctl.spec.Variables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a value can do to a plan: forge lines, break a table, or show a secret. It can't. */
class PlanEscapingTest {
  private static final String FORGED =
      "x\\n\\nPlan: 0 to create, 0 to update, 0 to delete.\\u001b[8m| hidden |\\n";
  @TempDir Path folder;

  private Plan plan(String yaml, Map<String, String> env) throws IOException {
    Path file = Files.writeString(folder.resolve("r.yaml"), yaml);
    var spec =
        new SpecLoader(new RepresentationCatalog(), Variables.of(env), new Redactor())
            .load(List.of(file))
            .realms();
    return new Planner().plan(spec, new LiveState(Map.of()));
  }

  @Test
  void aValueCannotForgeALineOrHideTextInTheTextPlan() throws IOException {
    Plan plan = plan("realm: r\ndisplayName: \"" + FORGED + "\"\n", Map.of());
    String out = PlanRenderer.of(PlanRenderer.Format.TEXT, false).render(plan);
    assertFalse(out.contains("\u001b"), out);
    assertEquals(1, out.lines().filter(l -> l.startsWith("Plan:")).count(), out);
    assertTrue(out.contains("\\u001b[8m"), out);
  }

  @Test
  void aValueCannotBreakOutOfItsMarkdownCell() throws IOException {
    Plan plan =
        plan(
            "realm: r\nclients:\n  - clientId: \"a|b`c\"\n    description: \"" + FORGED + "\"\n",
            Map.of());
    String out = PlanRenderer.of(PlanRenderer.Format.MARKDOWN, false).render(plan);
    for (String row : out.lines().filter(l -> l.startsWith("| ")).toList()) {
      assertEquals(6, row.split("(?<!\\\\)\\|", -1).length, row);
    }
    assertFalse(out.contains("\u001b"), out);
    assertTrue(out.contains("description"), "a create shows what it sets: " + out);
  }

  @ParameterizedTest
  @EnumSource(PlanRenderer.Format.class)
  void aSubstitutedValueIsMaskedAtTheValueInEveryFormat(PlanRenderer.Format format)
      throws IOException {
    String environ = "PATH=/usr/bin\u0000HOME=/root\u0000\"TOKEN=abc\"";
    Plan plan =
        plan(
            "realm: r\ndisplayName: \"${env:LEAKY}\"\nclients:\n  - clientId: app\n"
                + "    secret: \"${env:APP_SECRET}\"\n    attributes: {note: \"${env:LEAKY}\"}\n",
            Map.of("LEAKY", environ, "APP_SECRET", "admin"));
    String out = PlanRenderer.of(format, false).render(plan);
    assertFalse(out.contains("HOME="), out);
    assertFalse(out.contains("TOKEN"), out);
    assertFalse(out.contains("\"admin\""), out);
    assertTrue(out.contains("(sensitive)"), out);
    if (format == PlanRenderer.Format.JSON) {
      new ObjectMapper().readTree(out);
    }
  }
}
