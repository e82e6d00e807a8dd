package dev.realmctl.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.plan.ComponentPlanner.Live;
import dev.realmctl.spec.ComponentSpec;
import dev.realmctl.support.SpecFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ComponentPlanner's pure steps: what refuses a component, and the diff of its config. */
class ComponentPlannerTest {
  @TempDir Path folder;

  private ComponentSpec component() throws IOException {
    return SpecFiles.load(
            folder,
            """
            realm: r
            components:
              org.keycloak.keys.KeyProvider:
                - name: my-rsa
                  providerId: rsa-generated
                  config:
                    priority: ["100"]
                    keySize: ["2048"]
                    periodicFullSync: ["false"]
            """)
        .of(ComponentSpec.SECTION)
        .get(0);
  }

  private static Live live(String providerId, Map<String, List<String>> config) {
    return new Live(
        "id1",
        Optional.empty(),
        "org.keycloak.keys.KeyProvider",
        "my-rsa",
        Optional.empty(),
        providerId,
        config);
  }

  @Test
  void aProviderTheServerLacksOrOneKeycloakCannotChangeIsRefused() throws IOException {
    ComponentSpec rsa = component();
    assertTrue(ComponentPlanner.refusal(rsa, Optional.empty(), ServerProviders.UNKNOWN).isEmpty());
    var providers =
        new ServerProviders(
            Optional.of(Map.of("org.keycloak.keys.KeyProvider", Set.of("hmac-generated"))),
            Optional.empty());
    assertEquals(
        "component 'my-rsa': this Keycloak has no org.keycloak.keys.KeyProvider provider"
            + " 'rsa-generated'",
        ComponentPlanner.refusal(rsa, Optional.empty(), providers).orElseThrow().message());
    assertTrue(
        ComponentPlanner.refusal(
                rsa, Optional.of(live("rsa-enc-generated", Map.of())), ServerProviders.UNKNOWN)
            .orElseThrow()
            .message()
            .contains("which cannot change it"));
  }

  @Test
  void maskedValuesAndSettingsKeycloakDropsWhenFalseAreNotCompared() throws IOException {
    ComponentSpec rsa = component();
    Live same =
        live("rsa-generated", Map.of("priority", List.of("100"), "keySize", List.of("**********")));
    assertEquals(Map.of("priority", List.of("100")), ComponentPlanner.comparedConfig(rsa, same));
    assertEquals(new Diff(List.of(), 1), ComponentPlanner.diff("r", rsa, Optional.of(same)));

    Live other =
        live("rsa-generated", Map.of("priority", List.of("50"), "keySize", List.of("2048")));
    assertEquals(1, ComponentPlanner.diff("r", rsa, Optional.of(other)).changes().size());
    Change create = ComponentPlanner.diff("r", rsa, Optional.empty()).changes().get(0);
    assertEquals(Action.CREATE, create.action());
    assertEquals("rsa-generated", create.after().get("providerId"));
  }
}
