package dev.realmctl.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.plan.Change;
import dev.realmctl.plan.ClientPlanner;
import dev.realmctl.plan.FieldChange;
import dev.realmctl.plan.Plan;
import dev.realmctl.plan.UserPlanner;
import dev.realmctl.spec.Sensitive;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RenderersTest {
  private static final String NEW_SECRET = "new-secret-value-42";
  private static final String OLD_SECRET = "old-secret-value-17";

  private static Plan plan() {
    var client = new ClientPlanner.Id("shop", "web");
    return new Plan(
        List.of(
            Change.update(
                client,
                List.of(
                    new FieldChange(
                        "redirectUris",
                        Optional.empty(),
                        Optional.of(List.of("a")),
                        Optional.of(List.of("a", "b"))),
                    new FieldChange(
                        "secret",
                        Optional.empty(),
                        Optional.of(new Sensitive(OLD_SECRET)),
                        Optional.of(new Sensitive(NEW_SECRET))))),
            Change.create(
                new UserPlanner.Id("shop", "ann", Optional.empty()),
                Map.of("username", "ann", "password", new Sensitive(NEW_SECRET)))),
        7);
  }

  @ParameterizedTest
  @EnumSource(PlanRenderer.Format.class)
  void noFormatPrintsASecret(PlanRenderer.Format format) {
    String out = PlanRenderer.of(format, true).render(plan());
    assertFalse(out.contains(NEW_SECRET), out);
    assertFalse(out.contains(OLD_SECRET), out);
    assertTrue(out.contains("sensitive"), out);
  }

  @ParameterizedTest
  @EnumSource(PlanRenderer.Format.class)
  void everyFormatShowsWhereRemovalsWaitForWhatReplacesThem(PlanRenderer.Format format) {
    var swap =
        new Plan(
            List.of(
                Change.delete(
                    new ClientPlanner.ScopeLinkId("shop", "web", "audience-v1", true), Map.of()),
                Change.create(
                    new ClientPlanner.ScopeLinkId("shop", "web", "audience-v2", true), Map.of())),
            0);
    String out = PlanRenderer.of(format, false).render(swap);
    int added = out.indexOf("audience-v2");
    int pause =
        format == PlanRenderer.Format.JSON
            ? out.indexOf("\"break_point\" : 1")
            : out.indexOf(Values.BREAK_POINT);
    int removed = out.indexOf("audience-v1");
    assertTrue(pause > 0, out);
    if (format != PlanRenderer.Format.JSON) {
      assertTrue(added < pause && pause < removed, out);
    } else {
      assertTrue(added < removed, out);
    }
  }

  @Test
  void textShowsEachChangedField() {
    String out = PlanRenderer.of(PlanRenderer.Format.TEXT, false).render(plan());
    assertTrue(
        out.contains(
            "  ~ clients/web\n      redirectUris [\"a\"] -> [\"a\",\"b\"]\n      secret (sensitive value changed)\n"),
        out);
    assertTrue(out.endsWith("Plan: 1 to create, 1 to update, 0 to delete; 7 unchanged.\n"), out);
  }

  @Test
  void markdownIsATableForAPullRequest() {
    String out = PlanRenderer.of(PlanRenderer.Format.MARKDOWN, false).render(plan());
    assertTrue(out.startsWith("### realmctl plan\n\n**Plan: 1 to create"), out);
    assertTrue(
        out.contains(
            "| ✏️ update | `shop` | `clients/web` | `redirectUris: [\"a\"] → [\"a\",\"b\"]`<br>`secret (sensitive value changed)` |"),
        out);
  }

  @Test
  void jsonHasAStableShape() {
    String out = PlanRenderer.of(PlanRenderer.Format.JSON, false).render(plan());
    assertTrue(out.contains("\"format_version\" : 2"), out);
    assertTrue(
        out.contains(
            "\"summary\" : {\n    \"create\" : 1,\n    \"update\" : 1,\n    \"delete\" : 0,\n    \"unchanged\" : 7,\n    \"bookkeeping\" : 0\n  }"),
        out);
  }

  @Test
  void emptyPlanSaysSo() {
    assertEquals(
        "No changes. Keycloak matches the spec (3 resources checked).\n",
        PlanRenderer.of(PlanRenderer.Format.TEXT, false).render(new Plan(List.of(), 3)));
  }
}
