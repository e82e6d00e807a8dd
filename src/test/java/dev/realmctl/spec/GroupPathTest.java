package dev.realmctl.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GroupPathTest {
  @Test
  void aSlashInANameIsEscapedSoATopLevelGroupAndASubGroupDiffer() {
    String subGroup = GroupPath.of(Optional.of("ops"), "team");
    String topLevel = GroupPath.of(Optional.empty(), "ops/team");
    assertEquals("ops/team", subGroup);
    assertEquals("ops~/team", topLevel);
    assertEquals(List.of("ops", "team"), GroupPath.names(subGroup));
    assertEquals(List.of("ops/team"), GroupPath.names(topLevel));
    assertEquals(Optional.of("ops"), GroupPath.parent(subGroup));
    assertEquals(Optional.empty(), GroupPath.parent(topLevel));
    assertEquals(1, GroupPath.depth(subGroup));
    assertEquals(0, GroupPath.depth(topLevel));
  }

  @Test
  void namesWithSlashesAtEitherEndOrTwiceRoundTrip() {
    List<String> names = List.of("/lead", "a//b", "trail/", "x~y", "plain");
    String path = "";
    for (String name : names) {
      path = GroupPath.under(path, name);
    }
    assertEquals("~/lead/a~/~/b/trail~//x~y/plain", path);
    assertEquals(names, GroupPath.names(path));
    assertEquals(4, GroupPath.depth(path));
    assertEquals(Optional.of("~/lead/a~/~/b/trail~//x~y"), GroupPath.parent(path));
    assertEquals("/lead/a//b/trail//x~y/plain", GroupPath.unescaped(path));
  }
}
