package dev.realmctl.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.keycloak.Connection;
import dev.realmctl.keycloak.Reconciler;
import dev.realmctl.plan.Plan;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.support.Admin;
import dev.realmctl.support.Specs;
import dev.realmctl.support.TestKeycloak;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Groups, client roles, memberships and service-account roles converge like the rest. */
class EveryKindIT {

  @Test
  void everyKindAppliesAndSettles() throws Exception {
    Path file = Path.of(getClass().getResource("/specs/everything.yaml").toURI());
    RealmSpec spec = Specs.load(file).get(0).renamed(Specs.uniqueName("everything"));
    try (Connection connection = TestKeycloak.get().connect();
        Admin admin = Admin.of(TestKeycloak.get())) {
      Reconciler reconciler = new Reconciler(connection);
      reconciler.apply(reconciler.plan(List.of(spec)), c -> {});
      Plan second = reconciler.plan(List.of(spec)).plan();
      assertTrue(second.isEmpty(), () -> "second plan: " + second.changes());

      var users = admin.realm(spec.realm()).users();
      var ann = users.searchByUsername("ann", true).get(0);
      Set<String> realmRoles =
          users.get(ann.getId()).roles().realmLevel().listAll().stream()
              .map(r -> r.getName())
              .collect(Collectors.toSet());
      assertTrue(realmRoles.containsAll(Set.of("reader", "writer")), realmRoles::toString);
      assertEquals("staff", users.get(ann.getId()).groups().get(0).getName());
      var serviceAccount = admin.client(spec.realm(), "shop").getServiceAccountUser();
      var shopUuid = admin.realm(spec.realm()).clients().findByClientId("shop").get(0).getId();
      assertEquals(
          List.of("clerk"),
          users.get(serviceAccount.getId()).roles().clientLevel(shopUuid).listAll().stream()
              .map(r -> r.getName())
              .toList());

      assertEquals(
          List.of("reader"),
          admin.client(spec.realm(), "shop").getScopeMappings().realmLevel().listAll().stream()
              .map(r -> r.getName())
              .toList());

      var shopAudience =
          admin.realm(spec.realm()).clientScopes().findAll().stream()
              .filter(s -> s.getName().equals("shop-audience"))
              .findFirst()
              .orElseThrow();
      assertEquals(
          List.of("clerk"),
          admin
              .realm(spec.realm())
              .clientScopes()
              .get(shopAudience.getId())
              .getScopeMappings()
              .clientLevel(shopUuid)
              .listAll()
              .stream()
              .map(r -> r.getName())
              .toList());

      users.get(ann.getId()).leaveGroup(users.get(ann.getId()).groups().get(0).getId());
      var drift = reconciler.plan(List.of(spec));
      assertEquals(
          List.of("users/ann/groups/staff"),
          drift.plan().changes().stream().map(c -> c.id().path()).toList());
      reconciler.apply(drift, c -> {});
      assertTrue(reconciler.plan(List.of(spec)).plan().isEmpty());
    }
  }
}
