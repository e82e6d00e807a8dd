package dev.realmctl.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.keycloak.Connection;
import dev.realmctl.keycloak.Reconciler;
import dev.realmctl.plan.Plan;
import dev.realmctl.spec.ClientSpec;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.SpecException;
import dev.realmctl.support.Specs;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Realms: applied by realmctl itself, changed behind its back, planned again. */
public class RealmSteps {
  private final World world;
  private RealmSpec spec;
  private Plan lastPlan;
  private int lastApplyChanges;
  private SpecException rejection;

  public RealmSteps(World world) {
    this.world = world;
  }

  @Given("the realm {string} from {string} is applied")
  public void theRealmIsApplied(String logicalName, String file) {
    if (!world.target.applies()) {
      // Contract run against a deployment: the realm is there under its own name, applied by its
      // pipeline.
      world.realms.put(logicalName, logicalName);
      return;
    }
    RealmSpec loaded = Specs.load(Specs.project().resolve(file)).get(0);
    spec = loaded.renamed(Specs.uniqueName(logicalName));
    world.realms.put(logicalName, spec.realm());
    apply();
  }

  /**
   * An export Keycloak wrote itself, from the project's corpus, of the version family the server
   * runs (24.0.5's files for 24 and 25, 26.7.3's for 26).
   */
  @Given("the realm {string} from Keycloak's own export {string} is applied")
  public void theExportIsApplied(String logicalName, String file) {
    int major = world.keycloak.behaviour().server().major();
    String version = major >= 26 ? "keycloak-26.7.3" : "keycloak-24.0.5";
    theRealmIsApplied(logicalName, "src/test/resources/corpus/" + version + "/" + file);
  }

  @When("realmctl applies the spec again")
  public void apply() {
    try (Connection connection = world.keycloak.connect()) {
      Reconciler reconciler = new Reconciler(connection);
      var planned = reconciler.plan(List.of(spec));
      lastApplyChanges = planned.plan().changes().size();
      reconciler.apply(planned, change -> {});
    }
  }

  @When("realmctl plans the spec")
  public void plan() {
    try (Connection connection = world.keycloak.connect()) {
      lastPlan = new Reconciler(connection).plan(List.of(spec)).plan();
    }
  }

  @When("client {string} is removed from the spec and realmctl applies it with --prune")
  public void removeClientAndPrune(String clientId) {
    spec =
        spec.with(
            ClientSpec.SECTION,
            spec.of(ClientSpec.SECTION).stream()
                .filter(c -> !c.clientId().equals(clientId))
                .toList());
    try (Connection connection = world.keycloak.connect()) {
      Reconciler reconciler = new Reconciler(connection);
      var planned = reconciler.plan(List.of(spec), true);
      lastPlan = planned.plan();
      reconciler.apply(planned, c -> {});
    }
  }

  @Given("an administrator creates the client {string} in realm {string}")
  public void anAdministratorCreatesAClient(String clientId, String realm) {
    world.admin().createClient(world.realm(realm), clientId);
  }

  @Then("the client {string} exists in realm {string}")
  public void theClientExists(String clientId, String realm) {
    assertEquals(
        1, world.admin().realm(world.realm(realm)).clients().findByClientId(clientId).size());
  }

  @Then("the client {string} does not exist in realm {string}")
  public void theClientDoesNotExist(String clientId, String realm) {
    assertTrue(
        world.admin().realm(world.realm(realm)).clients().findByClientId(clientId).isEmpty());
  }

  @Then("the plan deleted {string}")
  public void thePlanDeleted(String path) {
    assertTrue(
        lastPlan.changes().stream()
            .anyMatch(
                c -> c.action() == dev.realmctl.plan.Action.DELETE && c.id().path().equals(path)),
        () -> "plan: " + lastPlan.changes());
  }

  @Then("the apply changed nothing")
  public void theApplyChangedNothing() {
    assertEquals(0, lastApplyChanges);
  }

  @Then("the plan is empty")
  public void thePlanIsEmpty() {
    assertTrue(lastPlan.isEmpty(), () -> "plan: " + lastPlan.changes());
  }

  @Then("the plan updates {string}")
  public void thePlanUpdates(String path) {
    assertTrue(
        lastPlan.changes().stream().anyMatch(c -> c.id().path().equals(path)),
        () -> "plan: " + lastPlan.changes());
  }

  @Given("an administrator sets {string} to {word} on client {string} in realm {string}")
  public void anAdministratorSetsAClientFlag(
      String field, String value, String clientId, String realm) {
    var client = world.admin().client(world.realm(realm), clientId);
    var rep = client.toRepresentation();
    boolean flag = Boolean.parseBoolean(value);
    switch (field) {
      case "directAccessGrantsEnabled" -> rep.setDirectAccessGrantsEnabled(flag);
      case "fullScopeAllowed" -> rep.setFullScopeAllowed(flag);
      case "standardFlowEnabled" -> rep.setStandardFlowEnabled(flag);
      default -> throw new IllegalArgumentException("no such step field: " + field);
    }
    client.update(rep);
  }

  @Given(
      "an administrator removes the default scope {string} from client {string} in realm {string}")
  public void anAdministratorRemovesADefaultScope(String scope, String clientId, String realm) {
    world.admin().detachDefaultScope(world.realm(realm), clientId, scope);
  }

  @When("realmctl applies this spec:")
  public void realmctlAppliesThisSpec(String yaml) throws IOException {
    Path file = Files.createTempFile("realmctl-feature", ".yaml");
    world.closeables.add(() -> Files.deleteIfExists(file));
    String realm = Specs.uniqueName("rejected");
    world.realms.put("rejected", realm);
    Files.writeString(file, yaml.replace("REALM", realm));
    try (Connection connection = world.keycloak.connect()) {
      Reconciler reconciler = new Reconciler(connection);
      reconciler.apply(reconciler.plan(Specs.load(file)), change -> {});
    } catch (SpecException e) {
      rejection = e;
    }
  }

  @Then("it is rejected with {string} at line {int}")
  public void itIsRejectedAtLine(String message, int line) {
    assertTrue(rejection != null, "the spec was accepted");
    assertTrue(
        rejection.problems().stream()
            .anyMatch(p -> p.location().line() == line && p.message().contains(message)),
        rejection::getMessage);
  }

  @Then("the realm {string} does not exist")
  public void theRealmDoesNotExist(String logical) {
    assertFalse(world.admin().realmExists(world.realm(logical)));
  }
}
