package dev.realmctl.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.keycloak.RepresentationCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A step's {@code userSetupAllowed}: exports write it, Keycloak neither stores nor reads it. It is
 * accepted; {@code true} is warned about at its line, {@code false} (what every export writes) is
 * not.
 */
class FlowExecutionSpecTest {
  @TempDir Path folder;

  private static final String FLOW =
      """
      realm: r
      authenticationFlows:
        - alias: my browser
          providerId: basic-flow
          topLevel: true
          builtIn: false
          authenticationExecutions:
            - authenticator: auth-cookie
              requirement: ALTERNATIVE
              priority: 10
              authenticatorFlow: false
              userSetupAllowed: %s
      """;

  @Test
  void userSetupAllowedTrueIsAcceptedWithAWarningAtItsLine() throws IOException {
    var loaded = load(FLOW.formatted("true"));
    AuthenticationFlowSpec flow = loaded.realms().get(0).of(AuthenticationFlowSpec.SECTION).get(0);
    assertEquals(1, flow.executions().size());
    assertEquals(1, loaded.warnings().size(), loaded.warnings().toString());
    String warning = loaded.warnings().get(0).toString();
    assertTrue(warning.contains("r.yaml:12:27: warning: "), warning);
    assertTrue(warning.contains("'userSetupAllowed' is ignored"), warning);
    assertTrue(warning.contains("Keycloak does not store it"), warning);
  }

  @Test
  void userSetupAllowedFalseAsExportsWriteItIsQuiet() throws IOException {
    var loaded = load(FLOW.formatted("false"));
    assertEquals(1, loaded.realms().get(0).of(AuthenticationFlowSpec.SECTION).size());
    assertEquals(List.of(), loaded.warnings());
  }

  private SpecLoader.Loaded load(String yaml) throws IOException {
    Path file = Files.writeString(folder.resolve("r.yaml"), yaml);
    return new SpecLoader(new RepresentationCatalog(), Variables.of(Map.of()), new Redactor())
        .load(List.of(file));
  }
}
