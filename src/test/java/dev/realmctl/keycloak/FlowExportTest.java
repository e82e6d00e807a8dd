package dev.realmctl.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.realmctl.plan.ClientPlanner;
import dev.realmctl.plan.FlowPlanner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FlowExportTest {
  private static final FlowPlanner.Live FLOWS =
      new FlowPlanner.Live(
          true,
          Map.of(
              "browser", Map.of("id", "b1", "alias", "browser", "builtIn", true),
              "strict", Map.of("id", "s1", "alias", "strict", "builtIn", false)),
          Map.of("otp", Map.of("id", "c1", "alias", "otp", "config", Map.of("period", "30"))),
          Map.of("app", Map.of("browser", "strict")));

  private static ClientPlanner.Live client(Map<String, Object> fields) {
    return new ClientPlanner.Live(fields, Map.of(), Set.of(), Set.of());
  }

  @Test
  void overridesNameFlowsByAliasAndEmptyOnesAreLeftOut() {
    assertEquals(
        Map.of("app", Map.of("browser", "strict", "direct_grant", "gone")),
        FlowExport.clientOverrides(
            FLOWS,
            Map.of(
                "app",
                client(
                    Map.of(
                        FlowPlanner.CLIENT_OVERRIDES,
                        Map.of("browser", "s1", "direct_grant", "gone"))),
                "plain",
                client(Map.of(FlowPlanner.CLIENT_OVERRIDES, Map.of())))));
  }

  @Test
  void customFlowsAndConfigsWithoutIdsAndOnlyBindingsANewRealmLacks() {
    Map<String, Object> spec = new LinkedHashMap<>();
    FlowExport.export(
        FLOWS, Map.of("browserFlow", "strict", "directGrantFlow", "direct grant"), spec);
    assertEquals("strict", spec.get("browserFlow"));
    assertFalse(spec.containsKey("directGrantFlow"));
    assertEquals(
        List.of(Map.of("alias", "strict", "builtIn", false)), spec.get("authenticationFlows"));
    assertEquals(
        List.of(Map.of("alias", "otp", "config", Map.of("period", "30"))),
        spec.get("authenticatorConfig"));
    assertFalse(spec.containsKey("clients"), "the clients are ClientEdge's to export");
  }

  @Test
  void overridesAreFieldsForTheClientsEntries() {
    Map<String, Object> app = new LinkedHashMap<>(Map.of("clientId", "app"));
    Map<String, Object> other = new LinkedHashMap<>(Map.of("clientId", "other"));
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("clients", List.of(app, other));
    FlowExport.overridesInClients(FLOWS).layOn(spec);
    assertEquals(Map.of("browser", "strict"), app.get(FlowPlanner.CLIENT_OVERRIDES));
    assertFalse(other.containsKey(FlowPlanner.CLIENT_OVERRIDES));
  }

  @Test
  void noCustomFlowNoConfigs() {
    Map<String, Object> spec = new LinkedHashMap<>();
    FlowExport.export(
        new FlowPlanner.Live(true, Map.of(), FLOWS.configs(), Map.of()), Map.of(), spec);
    assertEquals(Map.of(), spec);
  }
}
