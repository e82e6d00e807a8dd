package dev.realmctl.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.plan.Change;
import dev.realmctl.plan.ClientPlanner;
import dev.realmctl.plan.ComponentPlanner;
import dev.realmctl.plan.Kind;
import dev.realmctl.plan.ResourceId;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypedChangeTest {
  private static final Map<Kind, ChangeWriter<?>> WRITERS = Edges.writers();

  /** An id that claims a kind whose planner never makes it. */
  private record Stray(String realm) implements ResourceId {
    public Kind kind() {
      return Kind.CLIENT;
    }

    public String path() {
      return "clients/stray";
    }
  }

  @Test
  void everyKindHasAWriter() {
    assertEquals(EnumSet.allOf(Kind.class), EnumSet.copyOf(WRITERS.keySet()));
  }

  @Test
  void bindsTheIdToItsWritersType() {
    var id = new ClientPlanner.Id("r", "app");
    TypedChange<?> typed = TypedChange.of(WRITERS, Change.create(id, Map.of()));
    assertSame(id, typed.id());
    assertSame(WRITERS.get(Kind.CLIENT), typed.writer());
  }

  @Test
  void aComponentAndASubComponentEachHaveTheirWriter() {
    var top = new ComponentPlanner.Id("r", "ldap");
    var sub = new ComponentPlanner.SubId("r", "ldap", "ldap/email");
    assertSame(top, TypedChange.of(WRITERS, Change.create(top, Map.of())).id());
    assertSame(sub, TypedChange.of(WRITERS, Change.create(sub, Map.of())).id());
  }

  @Test
  void anIdOfTheWrongTypeFailsBeforeAnyWrite() {
    var failure =
        assertThrows(
            IllegalStateException.class,
            () -> TypedChange.of(WRITERS, Change.create(new Stray("r"), Map.of())));
    assertTrue(failure.getMessage().contains(Stray.class.getName()), failure.getMessage());
    assertTrue(
        failure.getMessage().contains(ClientPlanner.Id.class.getName()), failure.getMessage());
  }
}
