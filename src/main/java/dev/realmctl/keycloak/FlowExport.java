package dev.realmctl.keycloak;

import dev.realmctl.plan.ClientPlanner;
import dev.realmctl.plan.FlowPlanner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Flows as an export writes them, pure: custom flows and their step configs without Keycloak's ids,
 * the realm's bindings where they differ from a new realm's, clients' overrides by flow alias (laid
 * on the clients' entries by the exporter).
 */
final class FlowExport {
  /** What a new realm binds: exported only when the realm binds something else. */
  private static final Map<String, String> DEFAULT_BINDINGS =
      Map.of(
          "browserFlow", "browser",
          "registrationFlow", "registration",
          "directGrantFlow", "direct grant",
          "resetCredentialsFlow", "reset credentials",
          "clientAuthenticationFlow", "clients",
          "dockerAuthenticationFlow", "docker auth",
          "firstBrokerLoginFlow", "first broker login");

  private FlowExport() {}

  /** Each client's overrides, non-empty ones only, by flow alias where Keycloak keeps ids. */
  static Map<String, Map<String, String>> clientOverrides(
      FlowPlanner.Live flows, Map<String, ClientPlanner.Live> clients) {
    Map<String, String> aliasById = new HashMap<>();
    flows.flows().forEach((alias, flow) -> aliasById.put(String.valueOf(flow.get("id")), alias));
    Map<String, Map<String, String>> overrides = new HashMap<>();
    clients.forEach(
        (clientId, client) -> {
          if (client.fields().get(FlowPlanner.CLIENT_OVERRIDES) instanceof Map<?, ?> bound
              && !bound.isEmpty()) {
            Map<String, String> byAlias = new TreeMap<>();
            bound.forEach(
                (binding, id) ->
                    byAlias.put(
                        String.valueOf(binding),
                        aliasById.getOrDefault(String.valueOf(id), String.valueOf(id))));
            overrides.put(clientId, byAlias);
          }
        });
    return overrides;
  }

  /** The overrides as fields of the exported clients, which are the clients' to write. */
  static EntryFields overridesInClients(FlowPlanner.Live flows) {
    Map<String, Map<String, Object>> byClient = new HashMap<>();
    flows
        .clientOverrides()
        .forEach(
            (clientId, bound) ->
                byClient.put(clientId, Map.of(FlowPlanner.CLIENT_OVERRIDES, bound)));
    return new EntryFields("clients", "clientId", byClient);
  }

  /** The flows, their configs, and the realm's bindings a new realm lacks. */
  static void export(
      FlowPlanner.Live flows, Map<String, Object> settings, Map<String, Object> spec) {
    new TreeMap<>(DEFAULT_BINDINGS)
        .forEach(
            (binding, builtIn) -> {
              Object bound = settings.get(binding);
              if (bound != null && !builtIn.equals(bound)) {
                spec.put(binding, bound);
              }
            });
    List<Map<String, Object>> custom = new ArrayList<>();
    new TreeMap<>(flows.flows())
        .forEach(
            (alias, flow) -> {
              if (!Boolean.TRUE.equals(flow.get("builtIn"))) {
                Map<String, Object> out = new LinkedHashMap<>(flow);
                out.remove("id");
                custom.add(out);
              }
            });
    if (!custom.isEmpty()) {
      spec.put("authenticationFlows", custom);
      List<Map<String, Object>> configs = new ArrayList<>();
      new TreeMap<>(flows.configs())
          .values()
          .forEach(
              config -> {
                Map<String, Object> out = new LinkedHashMap<>(config);
                out.remove("id");
                configs.add(out);
              });
      if (!configs.isEmpty()) {
        spec.put("authenticatorConfig", configs);
      }
    }
  }
}
