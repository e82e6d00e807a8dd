package dev.realmctl.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.keycloak.Connection;
import dev.realmctl.keycloak.Reconciler;
import dev.realmctl.plan.Action;
import dev.realmctl.plan.Plan;
import dev.realmctl.render.PlanRenderer;
import dev.realmctl.spec.ClientSpec;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.SpecException;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Realms: applied by realmctl itself, checked against their specs, changed behind its back. */
public class RealmSteps {
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  /** Per run, what each realm's check or apply found: empty when the realm matched its spec. */
  private static final Map<String, Optional<String>> SETTLED = new ConcurrentHashMap<>();

  private final World world;
  private RealmSpec spec;
  private Plan lastPlan;
  private int lastApplyChanges;
  private SpecException rejection;

  public RealmSteps(World world) {
    this.world = world;
  }

  /**
   * Against a deployment, that the live realm matches its spec (an empty plan); with {@code
   * --apply}, applied first; in an isolated run, a copy of its own applied for this scenario.
   */
  @Given("the realm {string} from {string} is applied")
  @Example("the realm \"coolproject\" from \"realms/coolproject.yaml\" is applied")
  public void theRealmIsApplied(String name, String file) {
    RealmSpec declared = RealmCatalog.realm(world.run, name, Optional.of(file));
    spec =
        world.run.mode() == ContractRun.Mode.ISOLATED
            ? declared.renamed(
                name + "-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet())
            : declared;
    world.realms.put(name, spec.realm());
    world.specs.put(name, spec);
    switch (world.run.mode()) {
      case ISOLATED -> apply();
      case APPLY -> settle(name, this::applyOnce);
      case VERIFY -> settle(name, this::drift);
    }
  }

  private void settle(String name, java.util.function.Supplier<Optional<String>> how) {
    SETTLED.computeIfAbsent(name, n -> how.get()).ifPresent(problem -> fail(problem));
  }

  private static void fail(String problem) {
    throw new AssertionError(problem);
  }

  private Optional<String> applyOnce() {
    apply();
    return Optional.empty();
  }

  /** What differs between the live realm and its spec, as plan prints it (secrets masked). */
  private Optional<String> drift() {
    try (Connection connection = world.connect()) {
      Plan plan = new Reconciler(connection).plan(List.of(spec)).plan();
      if (plan.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          "realm '"
              + spec.realm()
              + "' differs from its spec ("
              + spec.origin().location()
              + "); `realmctl apply` would make these changes:\n"
              + PlanRenderer.of(PlanRenderer.Format.TEXT, false).render(plan));
    }
  }

  /**
   * An export Keycloak wrote itself, from the project's corpus, of the version family the server
   * runs (24.0.5's files for 24 and 25, 26.7.3's for 26).
   */
  @Given("the realm {string} from Keycloak's own export {string} is applied")
  @Example("the realm \"testing\" from Keycloak's own export \"testing.json\" is applied")
  public void theExportIsApplied(String name, String file) {
    int major = world.behaviour().server().major();
    String version = major >= 26 ? "keycloak-26.7.3" : "keycloak-24.0.5";
    theRealmIsApplied(name, "src/test/resources/corpus/" + version + "/" + file);
  }

  @When("realmctl applies the spec again")
  @Example("realmctl applies the spec again")
  public void apply() {
    try (Connection connection = world.connect()) {
      Reconciler reconciler = new Reconciler(connection);
      var planned = reconciler.plan(List.of(spec));
      lastApplyChanges = planned.plan().changes().size();
      reconciler.apply(planned, change -> {});
    }
  }

  @When("realmctl plans the spec")
  @Example("realmctl plans the spec")
  public void plan() {
    try (Connection connection = world.connect()) {
      lastPlan = new Reconciler(connection).plan(List.of(spec)).plan();
    }
  }

  @When("client {string} is removed from the spec and realmctl applies it with --prune")
  @Example("client \"client-app\" is removed from the spec and realmctl applies it with --prune")
  public void removeClientAndPrune(String clientId) {
    spec =
        spec.with(
            ClientSpec.SECTION,
            spec.of(ClientSpec.SECTION).stream()
                .filter(c -> !c.clientId().equals(clientId))
                .toList());
    try (Connection connection = world.connect()) {
      Reconciler reconciler = new Reconciler(connection);
      var planned = reconciler.plan(List.of(spec), true);
      lastPlan = planned.plan();
      reconciler.apply(planned, c -> {});
    }
  }

  @Given("an administrator creates the client {string} in realm {string}")
  @Example("an administrator creates the client \"made-by-hand\" in realm \"coolproject\"")
  public void anAdministratorCreatesAClient(String clientId, String realm) {
    world.admin().createClient(world.realm(realm), clientId);
  }

  @Then("the client {string} exists in realm {string}")
  @Example("the client \"made-by-hand\" exists in realm \"coolproject\"")
  public void theClientExists(String clientId, String realm) {
    assertEquals(
        1, world.admin().realm(world.realm(realm)).clients().findByClientId(clientId).size());
  }

  @Then("the client {string} does not exist in realm {string}")
  @Example("the client \"client-app\" does not exist in realm \"coolproject\"")
  public void theClientDoesNotExist(String clientId, String realm) {
    assertTrue(
        world.admin().realm(world.realm(realm)).clients().findByClientId(clientId).isEmpty());
  }

  @Then("the plan deleted {string}")
  @Example("the plan deleted \"clients/client-app\"")
  public void thePlanDeleted(String path) {
    assertTrue(
        lastPlan.changes().stream()
            .anyMatch(c -> c.action() == Action.DELETE && c.id().path().equals(path)),
        () -> "plan: " + lastPlan.changes());
  }

  @Then("the apply changed nothing")
  @Example("the apply changed nothing")
  public void theApplyChangedNothing() {
    assertEquals(0, lastApplyChanges);
  }

  @Then("the plan is empty")
  @Example("the plan is empty")
  public void thePlanIsEmpty() {
    assertTrue(lastPlan.isEmpty(), () -> "plan: " + lastPlan.changes());
  }

  @Then("the plan updates {string}")
  @Example("the plan updates \"clients/client-app\"")
  public void thePlanUpdates(String path) {
    assertTrue(
        lastPlan.changes().stream().anyMatch(c -> c.id().path().equals(path)),
        () -> "plan: " + lastPlan.changes());
  }

  @Given("an administrator sets {string} to {word} on client {string} in realm {string}")
  @Example(
      "an administrator sets \"fullScopeAllowed\" to true on client \"client-app\" in realm"
          + " \"coolproject\"")
  public void anAdministratorSetsAClientFlag(
      String field, String value, String clientId, String realm) {
    var client = world.admin().client(world.realm(realm), clientId);
    var rep = client.toRepresentation();
    boolean flag = Boolean.parseBoolean(value);
    switch (field) {
      case "directAccessGrantsEnabled" -> rep.setDirectAccessGrantsEnabled(flag);
      case "fullScopeAllowed" -> rep.setFullScopeAllowed(flag);
      case "standardFlowEnabled" -> rep.setStandardFlowEnabled(flag);
      case "serviceAccountsEnabled" -> rep.setServiceAccountsEnabled(flag);
      case "enabled" -> rep.setEnabled(flag);
      default ->
          throw new AssertionError(
              "no such field for this step: "
                  + field
                  + " (directAccessGrantsEnabled, fullScopeAllowed, standardFlowEnabled,"
                  + " serviceAccountsEnabled, enabled)");
    }
    client.update(rep);
  }

  @Given(
      "an administrator removes the default scope {string} from client {string} in realm {string}")
  @Example(
      "an administrator removes the default scope \"api-audience\" from client \"client-app\" in"
          + " realm \"coolproject\"")
  public void anAdministratorRemovesADefaultScope(String scope, String clientId, String realm) {
    world.admin().detachDefaultScope(world.realm(realm), clientId, scope);
  }

  /** The spec's {@code REALM} stands for a realm name of the scenario's own. */
  @When("realmctl applies this spec:")
  @Example("realmctl applies this spec:")
  public void realmctlAppliesThisSpec(String yaml) throws IOException {
    Path file = Files.createTempFile("realmctl-feature", ".yaml");
    world.closeables.add(() -> Files.deleteIfExists(file));
    String realm = "rejected-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
    world.realms.put("rejected", realm);
    Files.writeString(file, yaml.replace("REALM", realm));
    try (Connection connection = world.connect()) {
      Reconciler reconciler = new Reconciler(connection);
      reconciler.apply(reconciler.plan(RealmCatalog.load(world.run, List.of(file))), c -> {});
    } catch (SpecException e) {
      rejection = e;
    }
  }

  @Then("it is rejected with {string} at line {int}")
  @Example("it is rejected with \"client scope 'no-such-scope' exists neither\" at line 4")
  public void itIsRejectedAtLine(String message, int line) {
    assertTrue(rejection != null, "the spec was accepted");
    assertTrue(
        rejection.problems().stream()
            .anyMatch(p -> p.location().line() == line && p.message().contains(message)),
        rejection::getMessage);
  }

  @Then("the realm {string} does not exist")
  @Example("the realm \"rejected\" does not exist")
  public void theRealmDoesNotExist(String name) {
    assertFalse(world.admin().realmExists(world.realm(name)));
  }

  static void reset() {
    SETTLED.clear();
  }
}
