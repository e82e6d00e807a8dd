package dev.realmctl.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.support.SpecFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind realmctl records names what a create of its own makes, so an apply that fails part-way
 * still records it and {@code --prune} can delete it later.
 */
class RecordedNameTest {
  @TempDir Path folder;

  /** One create id of each owned kind, by ownership key, with the name the record holds. */
  private static final Map<String, Map.Entry<ResourceId, String>> CREATES =
      Map.ofEntries(
          Map.entry("clients", Map.entry(new ClientPlanner.Id("r", "app"), "app")),
          Map.entry(
              "clientScopes", Map.entry(new ClientScopePlanner.Id("r", "audience"), "audience")),
          Map.entry(
              "roles", Map.entry(new RolePlanner.Id("r", Optional.empty(), "reader"), "reader")),
          Map.entry(
              "clientRoles",
              Map.entry(
                  new RolePlanner.Id("r", Optional.of("app"), "clerk"),
                  Ownership.clientRoleKey("app", "clerk"))),
          Map.entry("groups", Map.entry(new GroupPlanner.Id("r", "staff/ops"), "staff/ops")),
          Map.entry("users", Map.entry(new UserPlanner.Id("r", "ann", Optional.empty()), "ann")),
          Map.entry(
              "identityProviders", Map.entry(new IdentityProviderPlanner.Id("r", "gh"), "gh")),
          Map.entry(
              "identityProviderMappers",
              Map.entry(new IdentityProviderPlanner.MapperId("r", "gh", "email"), "gh/email")),
          Map.entry(
              "authenticationFlows", Map.entry(new FlowPlanner.FlowId("r", "strict"), "strict")),
          Map.entry(
              "requiredActions", Map.entry(new RequiredActionPlanner.Id("r", "TERMS"), "TERMS")),
          Map.entry(
              "components", Map.entry(new ComponentPlanner.Id("r", "ldap/corp"), "ldap/corp")),
          Map.entry(
              "subComponents",
              Map.entry(
                  new ComponentPlanner.SubId("r", "ldap/corp", "ldap/corp/mapper/mail"),
                  "ldap/corp/mapper/mail")),
          Map.entry("organizations", Map.entry(new OrganizationPlanner.Id("r", "acme"), "acme")),
          Map.entry(
              "authorizationScopes",
              Map.entry(new AuthorizationPlanner.ScopeId("r", "api", "read"), "api#read")),
          Map.entry(
              "authorizationResources",
              Map.entry(
                  new AuthorizationPlanner.ResourceEntryId("r", "api", "orders"), "api#orders")),
          Map.entry(
              "authorizationPolicies",
              Map.entry(new AuthorizationPlanner.PolicyId("r", "api", "admins", 1), "api#admins")));

  @Test
  void everyOwnedKindNamesWhatItsCreateMakes() {
    Set<String> keys = new TreeSet<>();
    for (Owned kind : Planner.owned()) {
      keys.add(kind.key());
      var create = CREATES.get(kind.key());
      assertTrue(create != null, () -> "no create listed for owned kind " + kind.key());
      assertEquals(Optional.of(create.getValue()), kind.recordedName(create.getKey()), kind.key());
    }
    assertEquals(new TreeSet<>(CREATES.keySet()), keys);
  }

  @Test
  void noKindClaimsAnotherKindsCreate() {
    for (Owned kind : Planner.owned()) {
      for (var create : CREATES.entrySet()) {
        if (!create.getKey().equals(kind.key())) {
          assertEquals(
              Optional.empty(),
              kind.recordedName(create.getValue().getKey()),
              kind.key() + " claims " + create.getKey());
        }
      }
    }
  }

  @Test
  void aServiceAccountUserIsItsClientsNeverRecordedOnItsOwn() {
    var serviceAccount = new UserPlanner.Id("r", "service-account-app", Optional.of("app"));
    assertTrue(Planner.owned().stream().allMatch(k -> k.recordedName(serviceAccount).isEmpty()));
  }

  /** The names come from the plan's own creates, so they are the names the spec declares. */
  @Test
  void theCreatesOfANewRealmMapToTheNamesItsSpecDeclares() throws IOException {
    var spec =
        SpecFiles.load(
            folder,
            """
            realm: r
            organizationsEnabled: true
            clients:
              - clientId: api
                authorizationServicesEnabled: true
                serviceAccountsEnabled: true
                authorizationSettings:
                  scopes: [{name: read}]
                  resources: [{name: orders, scopes: [{name: read}]}]
            clientScopes: [{name: audience}]
            groups:
              - name: staff
                subGroups: [{name: ops}]
            authenticationFlows:
              - alias: strict
                providerId: basic-flow
                topLevel: true
                builtIn: false
                authenticationExecutions: []
            organizations:
              - name: Acme
                alias: acme
                domains: [{name: acme.example}]
            """);
    Plan plan = new Planner().plan(List.of(spec), new LiveState(Map.of()));
    Ownership declared = Ownership.declaredBy(spec);
    Set<String> recorded = new TreeSet<>();
    for (Change change : plan.changes()) {
      if (change.action() != Action.CREATE) {
        continue;
      }
      for (Owned kind : Planner.owned()) {
        kind.recordedName(change.id())
            .ifPresent(
                name -> {
                  assertTrue(
                      declared.of(kind.key()).contains(name),
                      () -> kind.key() + "/" + name + " is not declared: " + declared.byKind());
                  recorded.add(kind.key() + "/" + name);
                });
      }
    }
    Set<String> expected =
        declared.byKind().entrySet().stream()
            .flatMap(e -> e.getValue().stream().map(n -> e.getKey() + "/" + n))
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(expected, recorded);
  }
}
