package dev.realmctl.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.realmctl.plan.RoleMappingPlanner.Subject;
import dev.realmctl.plan.ScopeMappingPlanner.RoleScope;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.support.LiveRealms;
import dev.realmctl.support.SpecFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ScopeMappingPlanner: the realm roles, and each client's roles, that a client or client scope may
 * put into tokens, each declared list the exact set, everything named checked to exist.
 */
class ScopeMappingPlannerTest {
  private static final String SPEC =
      """
      realm: r
      scopeMappings:
        - {client: app, roles: [reader]}
        - {clientScope: orders, roles: [reader, writer]}
      clientScopeMappings:
        shop:
          - {client: app, roles: [buy]}
      """;

  @TempDir Path folder;

  private RealmSpec spec(String yaml) throws IOException {
    return SpecFiles.load(folder, yaml);
  }

  /** The holders and roles the spec names, and these role scopes. */
  private static LiveRealm realmWith(Map<Subject, RoleScope> scopes) {
    LiveRealms realm =
        LiveRealms.realm("r")
            .client("app")
            .client("shop")
            .clientScope("orders")
            .realmRoles("reader", "writer")
            .clientRole("shop", "buy");
    scopes.forEach(realm::scopeMapping);
    return realm.build();
  }

  private static final Map<Subject, RoleScope> MATCHING =
      Map.of(
          Subject.client("app"), new RoleScope(Set.of("reader"), Map.of("shop", Set.of("buy"))),
          Subject.clientScope("orders"), new RoleScope(Set.of("reader", "writer"), Map.of()));

  @Test
  void absentScopeMappingsAreAdded() throws IOException {
    PlannerRun run = PlannerRun.of(new ScopeMappingPlanner(), spec(SPEC), realmWith(Map.of()));
    assertEquals(
        Set.of(
            "+ clients/app/scopeMappings/realmRoles/reader",
            "+ clientScopes/orders/scopeMappings/realmRoles/reader",
            "+ clientScopes/orders/scopeMappings/realmRoles/writer",
            "+ clients/app/scopeMappings/clientRoles/shop/buy"),
        Set.copyOf(run.paths()));
    assertEquals(4, run.changes().size());
    assertEquals(List.of(), run.problems());
  }

  @Test
  void scopeMappingsAsDeclaredPlanNothing() throws IOException {
    assertEquals(
        new PlannerRun(List.of(), 4, List.of()),
        PlannerRun.of(new ScopeMappingPlanner(), spec(SPEC), realmWith(MATCHING)));
  }

  @Test
  void eachListIsTheExactSet() throws IOException {
    Map<Subject, RoleScope> drifted = new java.util.HashMap<>(MATCHING);
    drifted.put(
        Subject.client("app"),
        new RoleScope(Set.of("reader", "writer"), Map.of("shop", Set.of("buy", "refund"))));
    PlannerRun run = PlannerRun.of(new ScopeMappingPlanner(), spec(SPEC), realmWith(drifted));
    assertEquals(
        List.of(
            "- clients/app/scopeMappings/realmRoles/writer",
            "- clients/app/scopeMappings/clientRoles/shop/refund"),
        run.paths());
    assertEquals(4, run.unchanged());
  }

  @Test
  void whatIsNamedAndExistsNowhereIsReportedAtItsLine() throws IOException {
    String yaml =
        SPEC.replace("client: app, roles: [reader]", "client: gone, roles: [reader, nope]")
            .replace("clientScope: orders", "clientScope: nowhere")
            .replace("  shop:", "  sold:");
    PlannerRun run = PlannerRun.of(new ScopeMappingPlanner(), spec(yaml), realmWith(Map.of()));
    assertEquals(
        List.of(
            "3:6: client 'gone' exists neither in the spec nor in realm 'r'",
            "3:36: role 'nope' exists neither in the spec nor in realm 'r'",
            "4:6: client scope 'nowhere' exists neither in the spec nor in realm 'r'",
            "7:7: client 'sold' exists neither in the spec nor in realm 'r'"),
        run.problems());
  }
}
