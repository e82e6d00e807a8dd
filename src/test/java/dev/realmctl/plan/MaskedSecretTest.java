package dev.realmctl.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.keycloak.RepresentationCatalog;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.Redactor;
import dev.realmctl.spec.SpecLoader;
import dev.realmctl.spec.Variables;
import dev.realmctl.support.LiveRealms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keycloak 26.8 and later show a client's secret as {@code **********} to a credential without
 * manage-clients: a plan made with it says the secret is not compared, and never plans a change
 * from the mask.
 */
class MaskedSecretTest {
  @TempDir Path folder;

  private RealmSpec spec() throws IOException {
    Path file =
        Files.writeString(
            folder.resolve("r.yaml"),
            "realm: r\nclients:\n  - clientId: app\n    secret: ${env:S}\n    redirectUris: [a]\n");
    return new SpecLoader(
            new RepresentationCatalog(), Variables.of(Map.of("S", "secret-1")), new Redactor())
        .load(List.of(file))
        .realms()
        .get(0);
  }

  private static LiveRealms live(String secret, List<String> redirectUris) {
    return LiveRealms.realm("r")
        .owning("{\"clients\":[\"app\"]}")
        .client("app", "secret", secret, "redirectUris", redirectUris);
  }

  @Test
  void aMaskedSecretIsNotComparedAndSaysSo() throws IOException {
    Plan plan = new Planner().plan(List.of(spec()), live("**********", List.of("a")).state());

    assertTrue(plan.isEmpty(), () -> plan.changes().toString());
    assertEquals(1, plan.warnings().size(), plan.warnings()::toString);
    String warning = plan.warnings().get(0).toString();
    assertTrue(warning.contains("r.yaml:4:"), warning);
    assertTrue(
        warning.contains(
            "client 'app': the credential cannot see client secrets (Keycloak shows them masked to"
                + " a caller without manage-clients), so the secret is not compared"),
        warning);
  }

  @Test
  void otherFieldsOfThatClientAreStillPlannedWithoutTheSecret() throws IOException {
    Plan plan = new Planner().plan(List.of(spec()), live("**********", List.of("b")).state());

    assertEquals(1, plan.changes().size(), () -> plan.changes().toString());
    assertEquals(
        List.of("redirectUris"),
        plan.changes().get(0).fields().stream().map(FieldChange::name).toList());
  }

  @Test
  void aSecretKeycloakShowsIsComparedAsBefore() throws IOException {
    Plan plan = new Planner().plan(List.of(spec()), live("rotated", List.of("a")).state());

    assertEquals(
        List.of("secret"), plan.changes().get(0).fields().stream().map(FieldChange::name).toList());
    assertTrue(plan.warnings().isEmpty(), plan.warnings()::toString);
  }
}
