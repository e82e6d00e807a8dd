package dev.realmctl.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PostgresUserTest {
  @Test
  void namesTheFirstFolderOnTheWayThatTheUserCannotEnter() {
    Set<Path> closed = Set.of(Path.of("/root"), Path.of("/root/tmp"));

    assertEquals(
        Optional.of(Path.of("/root")),
        PostgresUser.blockedOnTheWay(Path.of("/root/tmp/x"), p -> !closed.contains(p)));
    assertEquals(
        Optional.empty(), PostgresUser.blockedOnTheWay(Path.of("/tmp"), p -> !closed.contains(p)));
  }

  @Test
  void sayingWhatToChange() {
    String message = PostgresUser.cannotEnter(Path.of("/root"), Path.of("/root/tmp"));

    assertTrue(message.contains("chmod o+x /root"), message);
    assertTrue(message.contains("-Djava.io.tmpdir="), message);
    assertTrue(message.contains("as a user other than root"), message);
  }
}
