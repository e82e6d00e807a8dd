package dev.realmctl.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.plan.AuthorizationPlanner;
import dev.realmctl.plan.FederatedIdentityPlanner;
import dev.realmctl.plan.FlowPlanner;
import dev.realmctl.plan.Kind;
import dev.realmctl.plan.LiveRealm;
import dev.realmctl.plan.ScopeMappingPlanner.RoleScope;
import dev.realmctl.support.LiveRealms;
import dev.realmctl.version.KeycloakVersion;
import dev.realmctl.version.VersionBehaviour;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each kind exports only its own part: what it adds to another kind's entries is laid on. */
class ExporterTest {
  private static final VersionBehaviour BEHAVIOUR = VersionBehaviour.of(KeycloakVersion.of("26.7"));

  private static Map<String, Object> export(List<KindEdge> edges, LiveRealm live) {
    return Exporter.document(edges, "r", live, BEHAVIOUR, new ArrayList<>());
  }

  @Test
  void whatKindsAddToOtherKindsEntriesLandsInThoseEntries() {
    LiveRealm live =
        LiveRealms.realm("r")
            .client("app", "clientId", "app", "authorizationServicesEnabled", true)
            .realmRoles("reader")
            .realmRole("default-roles-r")
            .composite("reader", new RoleScope(Set.of("offline_access"), Map.of()))
            .composite("default-roles-r", new RoleScope(Set.of("reader"), Map.of()))
            .user("alice", u -> u.fields("enabled", true))
            .part(
                FederatedIdentityPlanner.LIVE,
                Map.of("alice", Map.of("corp", Map.of("identityProvider", "corp"))))
            .part(
                AuthorizationPlanner.LIVE,
                new AuthorizationPlanner.Read(
                    Map.of(
                        "app",
                        new AuthorizationPlanner.Live(
                            Map.of("decisionStrategy", "UNANIMOUS"), Map.of(), Map.of(), Map.of())),
                    Set.of()))
            .part(
                FlowPlanner.LIVE,
                new FlowPlanner.Live(
                    true,
                    Map.of("strict", Map.of("id", "s1", "alias", "strict", "builtIn", false)),
                    Map.of(),
                    Map.of("app", Map.of("browser", "strict"))))
            .build();

    Map<String, Object> spec = export(Edges.ALL, live);

    Map<?, ?> app = entry(spec.get("clients"), "clientId", "app");
    assertEquals(Map.of("browser", "strict"), app.get(FlowPlanner.CLIENT_OVERRIDES));
    assertTrue(app.containsKey("authorizationSettings"), app.toString());
    Map<?, ?> alice = entry(spec.get("users"), "username", "alice");
    assertEquals(List.of(Map.of("identityProvider", "corp")), alice.get("federatedIdentities"));
    Object realmRoles = ((Map<?, ?>) spec.get("roles")).get("realm");
    assertEquals(
        Map.of("realm", List.of("offline_access")),
        entry(realmRoles, "name", "reader").get("composites"));
    // The default role is built in, so the roles' export leaves it out; its composites add it.
    assertEquals(
        Map.of("realm", List.of("reader")),
        entry(realmRoles, "name", "default-roles-r").get("composites"));
    assertEquals(
        List.of("realm", "clients", "roles", "users"),
        spec.keySet().stream()
            .filter(Set.of("realm", "clients", "roles", "users")::contains)
            .toList());
  }

  @Test
  void anEdgeThatWritesIntoASectionAnotherExportsIsRefused() {
    KindEdge clients =
        edge(Kind.CLIENT, spec -> spec.put("clients", List.of(Map.of("clientId", "a"))));
    KindEdge intruder =
        edge(Kind.AUTH_FLOW, spec -> spec.computeIfAbsent("clients", k -> new ArrayList<>()));
    LiveRealm live = LiveRealms.realm("r").build();
    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> export(List.of(clients, intruder), live));
    assertTrue(refused.getMessage().contains("'clients'"), refused.getMessage());
  }

  @Test
  void anEdgeSeesNothingAnotherExported() {
    KindEdge clients =
        edge(Kind.CLIENT, spec -> spec.put("clients", List.of(Map.of("clientId", "a"))));
    KindEdge looks =
        edge(Kind.AUTH_FLOW, spec -> assertFalse(spec.containsKey("clients"), "sees the clients"));
    export(List.of(clients, looks), LiveRealms.realm("r").build());
  }

  private static Map<?, ?> entry(Object list, String keyField, String key) {
    return ((List<?>) list)
        .stream()
            .map(Map.class::cast)
            .filter(e -> key.equals(e.get(keyField)))
            .findFirst()
            .orElseThrow(() -> new AssertionError(key + " not in " + list));
  }

  private static KindEdge edge(Kind kind, java.util.function.Consumer<Map<String, Object>> export) {
    return new KindEdge() {
      @Override
      public Map<Kind, ChangeWriter<?>> writers() {
        return Map.of();
      }

      @Override
      public Set<Kind> kinds() {
        return Set.of(kind);
      }

      @Override
      public void export(
          String realm, LiveRealm live, Map<String, Object> spec, List<String> notes) {
        export.accept(spec);
      }
    };
  }
}
