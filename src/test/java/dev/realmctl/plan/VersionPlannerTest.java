package dev.realmctl.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.realmctl.support.LiveRealms;
import dev.realmctl.support.SpecFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * VersionPlanner refuses, at its line, a field the server's version lacks (that server would ignore
 * it, and every plan after would show it as a change), and lets it through from the version on.
 */
class VersionPlannerTest {
  @TempDir Path folder;

  @ParameterizedTest(name = "{1} on {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          24.0.5 | organizationsEnabled: true                  | 2:1: realm field 'organizationsEnabled' needs Keycloak 26 or newer; the server runs 24.0.5
          26.0.8 | organizationsEnabled: true                  |
          26.5.6 | scimApiEnabled: true                        | 2:1: realm field 'scimApiEnabled' needs Keycloak 26.6 or newer; the server runs 26.5.6
          26.7.3 | scimApiEnabled: true                        |
          24.0.5 | clients: [{clientId: app, type: OIDC}]       | 2:27: client field 'type' needs Keycloak 25 or newer; the server runs 24.0.5
          25.0.6 | clients: [{clientId: app, type: OIDC}]       |
          26.2.5 | groups: [{name: g, description: d}]          | 2:20: group field 'description' needs Keycloak 26.3 or newer; the server runs 26.2.5
          26.3.5 | groups: [{name: g, description: d}]          |
          24.0.5 | 'roles: {realm: [{name: r, description: d}]}' |
          24.0.5 | 'users: [{username: u, email: u@example.com}]' |
          """)
  void aFieldIsRefusedOnAServerOlderThanItsVersion(String version, String body, String problem)
      throws IOException {
    var spec = SpecFiles.load(folder, "realm: r\n" + body + "\n");
    PlannerRun run =
        PlannerRun.EXISTING_REALM
            .keycloak(version)
            .plan(new VersionPlanner(), spec, LiveRealms.realm("r").build());
    assertEquals(new PlannerRun(List.of(), 0, problem == null ? List.of() : List.of(problem)), run);
  }
}
