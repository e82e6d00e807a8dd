package dev.realmctl.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.plan.Action;
import dev.realmctl.plan.Change;
import dev.realmctl.plan.ClientPlanner;
import dev.realmctl.plan.FieldChange;
import dev.realmctl.plan.OwnershipPlanner;
import dev.realmctl.plan.Plan;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** realmctl's ownership record is bookkeeping: shown and counted apart from resource changes. */
class BookkeepingRenderTest {
  private static Change record(String before, String after) {
    return Change.update(
        new OwnershipPlanner.Id("shop"),
        List.of(
            new FieldChange(
                "attributes",
                Optional.of("realmctl.ownership"),
                Optional.ofNullable(before),
                Optional.of(after))));
  }

  private static final Change NEW_CLIENT =
      Change.create(new ClientPlanner.Id("shop", "app"), Map.of("clientId", "app"));

  private static Plan withNewClient() {
    return new Plan(
        List.of(
            NEW_CLIENT,
            record(
                "{\"clients\":[\"web\"],\"groups\":[\"old\"]}", "{\"clients\":[\"app\",\"web\"]}")),
        4);
  }

  @Test
  void theRecordIsNotCountedAsAnUpdate() {
    Plan plan = withNewClient();
    assertEquals(1, plan.count(Action.CREATE));
    assertEquals(0, plan.count(Action.UPDATE));
    assertEquals(List.of(NEW_CLIENT), plan.resourceChanges());
    assertEquals(1, plan.bookkeeping().size());
  }

  @Test
  void textShowsTheRecordOnItsOwnLineAsWhatRealmctlOwns() {
    String out = PlanRenderer.of(PlanRenderer.Format.TEXT, false).render(withNewClient());
    assertEquals(
        """
        realm shop
          + clients/app

          realmctl's ownership record: +clients/app -groups/old

        Plan: 1 to create, 0 to update, 0 to delete; 4 unchanged (and realmctl's ownership record).
        """,
        out);
    assertFalse(out.contains("~ ownership"), out);
  }

  @Test
  void markdownShowsTheRecordBelowTheTable() {
    String out = PlanRenderer.of(PlanRenderer.Format.MARKDOWN, false).render(withNewClient());
    assertTrue(
        out.endsWith(
            "| ➕ create | `shop` | `clients/app` | `clientId: \"app\"` |\n\n"
                + "Bookkeeping in `shop`: `realmctl's ownership record: +clients/app"
                + " -groups/old`\n"),
        out);
    assertFalse(out.contains("`ownership`"), out);
  }

  @Test
  void jsonListsTheRecordApartAndCountsItApart() {
    String out = PlanRenderer.of(PlanRenderer.Format.JSON, false).render(withNewClient());
    assertTrue(out.contains("\"format_version\" : 2"), out);
    int changes = out.indexOf("\"changes\"");
    int bookkeeping = out.indexOf("\"bookkeeping\" : [");
    assertTrue(changes >= 0 && bookkeeping > changes, out);
    assertFalse(out.substring(changes, bookkeeping).contains("\"kind\" : \"ownership\""), out);
    assertTrue(out.contains("\"owns\" : [ \"clients/app\" ]"), out);
    assertTrue(out.contains("\"disowns\" : [ \"groups/old\" ]"), out);
    assertTrue(
        out.contains(
            "\"summary\" : {\n    \"create\" : 1,\n    \"update\" : 0,\n    \"delete\" : 0,\n"
                + "    \"unchanged\" : 4,\n    \"bookkeeping\" : 1\n  }"),
        out);
  }

  @Test
  void aPlanWithOnlyTheRecordSaysTheResourcesMatch() {
    Plan plan = new Plan(List.of(record(null, "{\"clients\":[\"app\"]}")), 5);
    assertEquals(
        """
        realm shop
          realmctl's ownership record: +clients/app

        No changes to resources: Keycloak matches the spec (5 resources checked). Only realmctl's\
         ownership record is to be written.
        """,
        PlanRenderer.of(PlanRenderer.Format.TEXT, false).render(plan));
    String markdown = PlanRenderer.of(PlanRenderer.Format.MARKDOWN, false).render(plan);
    assertFalse(markdown.contains("| | realm |"), markdown);
  }
}
