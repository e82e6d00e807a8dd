package dev.realmctl.plan;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.spec.SpecException;
import dev.realmctl.support.SpecFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The realm's defaultGroups are paths; Keycloak answers HTTP 500 for one that names no group. */
class DefaultGroupsTest {
  @TempDir Path folder;

  private static final String SPEC =
      """
      realm: r
      groups:
        - name: staff
          subGroups:
            - name: ops
      defaultGroups: [%s]
      """;

  @Test
  void aPathOfADeclaredSubGroupPlans() throws IOException {
    for (String path : List.of("/staff/ops", "staff/ops", "/staff")) {
      new Planner()
          .plan(List.of(SpecFiles.load(folder, SPEC.formatted(path))), new LiveState(Map.of()));
    }
  }

  @Test
  void aSubGroupsBareNameFailsAtItsLineWithThePath() {
    var error =
        assertThrows(
            SpecException.class,
            () ->
                new Planner()
                    .plan(
                        List.of(SpecFiles.load(folder, SPEC.formatted("ops"))),
                        new LiveState(Map.of())));
    assertTrue(
        error.getMessage().contains("r.yaml:6:")
            && error.getMessage().contains("did you mean '/staff/ops'?"),
        error.getMessage());
  }
}
