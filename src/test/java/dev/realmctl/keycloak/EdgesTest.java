package dev.realmctl.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.plan.Kind;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EdgesTest {

  private static int at(Class<?> edge) {
    for (int i = 0; i < Edges.READ_ORDER.size(); i++) {
      if (edge.isInstance(Edges.READ_ORDER.get(i))) {
        return i;
      }
    }
    throw new AssertionError(edge + " not registered");
  }

  @Test
  void everyEdgeReadsAfterTheEdgesOfTheKindsItNames() {
    List<KindEdge> order = Edges.READ_ORDER;
    assertEquals(Edges.ALL.size(), order.size());
    for (int i = 0; i < order.size(); i++) {
      for (int j = i + 1; j < order.size(); j++) {
        assertTrue(
            !Edges.readsAfter(order.get(i), order.get(j)),
            order.get(i).getClass().getSimpleName()
                + " reads after "
                + order.get(j).getClass().getSimpleName()
                + " yet is read before it");
      }
    }
  }

  @Test
  void theReadsTheIssueNamedRunInTheirDeclaredOrder() {
    // USER depends on USER_PROFILE: the profile is read first.
    assertTrue(at(UserProfileEdge.class) < at(UserEdge.class));
    // Service accounts are their clients'; a user's roles are the realm's roles.
    assertTrue(at(ClientEdge.class) < at(UserEdge.class));
    assertTrue(at(RoleEdge.class) < at(UserEdge.class));
    // Organizations check members against the users read, links against the providers read.
    assertTrue(at(UserEdge.class) < at(OrganizationEdge.class));
    assertTrue(at(IdentityProviderEdge.class) < at(OrganizationEdge.class));
    assertTrue(at(UserEdge.class) < at(FederatedIdentityEdge.class));
    assertTrue(at(ClientEdge.class) < at(AuthorizationEdge.class));
  }

  @Test
  void theListOrderDecidesNothing() {
    List<KindEdge> reversed = new java.util.ArrayList<>(Edges.ALL);
    java.util.Collections.reverse(reversed);
    assertEquals(Edges.READ_ORDER, Edges.readOrder(reversed));
  }

  @Test
  void edgesThatReadAfterEachOtherAreRefused() {
    KindEdge a = edge(Kind.REALM, Kind.GROUP);
    KindEdge b = edge(Kind.GROUP, Kind.REALM);
    assertThrows(IllegalStateException.class, () -> Edges.readOrder(List.of(a, b)));
  }

  @Test
  void everyKindHasOneWriter() {
    Set<Kind> written = EnumSet.noneOf(Kind.class);
    for (KindEdge edge : Edges.ALL) {
      for (Kind kind : edge.writers().keySet()) {
        assertTrue(written.add(kind), kind + " has two writers");
      }
    }
    assertEquals(EnumSet.allOf(Kind.class), written);
  }

  private static KindEdge edge(Kind kind, Kind after) {
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
      public Set<Kind> readsAfter() {
        return Set.of(after);
      }
    };
  }
}
