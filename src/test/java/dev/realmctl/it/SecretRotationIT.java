package dev.realmctl.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.realmctl.keycloak.Connection;
import dev.realmctl.keycloak.Reconciler;
import dev.realmctl.keycloak.RepresentationCatalog;
import dev.realmctl.render.PlanRenderer;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.Redactor;
import dev.realmctl.spec.SpecLoader;
import dev.realmctl.spec.Variables;
import dev.realmctl.support.Specs;
import dev.realmctl.support.TestKeycloak;
import dev.realmctl.support.TestSecrets;
import dev.realmctl.support.Tokens;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A secret rotated in the environment is a planned change; apply makes it the live one. */
class SecretRotationIT {

  @Test
  void rotatedSecretIsPlannedMaskedAndMadeLive() {
    String realm = Specs.uniqueName("rotation");
    String oldSecret = TestSecrets.get("COOLPROJECT_CLIENT_APP_SECRET");
    String newSecret = "rotated-" + java.util.UUID.randomUUID();
    RealmSpec before = load(oldSecret).renamed(realm);
    RealmSpec after = load(newSecret).renamed(realm);
    String url = TestKeycloak.get().url();
    try (Connection connection = TestKeycloak.get().connect()) {
      Reconciler reconciler = new Reconciler(connection);
      reconciler.apply(reconciler.plan(List.of(before)), c -> {});
      assertEquals(200, Tokens.clientCredentials(url, realm, "client-app", oldSecret).statusCode());

      var rotation = reconciler.plan(List.of(after));
      assertEquals(1, rotation.plan().changes().size());
      for (PlanRenderer.Format format : PlanRenderer.Format.values()) {
        String shown = PlanRenderer.of(format, false).render(rotation.plan());
        assertFalse(shown.contains(oldSecret) || shown.contains(newSecret), shown);
      }
      reconciler.apply(rotation, c -> {});

      assertEquals(200, Tokens.clientCredentials(url, realm, "client-app", newSecret).statusCode());
      assertEquals(401, Tokens.clientCredentials(url, realm, "client-app", oldSecret).statusCode());
    }
  }

  private static RealmSpec load(String secret) {
    var variables = TestSecrets.ofRun().with("COOLPROJECT_CLIENT_APP_SECRET", secret).values();
    return Specs.forServer(
        new SpecLoader(new RepresentationCatalog(), Variables.of(variables), new Redactor())
            .load(List.of(Specs.realmFile("coolproject.yaml")))
            .realms()
            .get(0));
  }
}
