@mutates
Feature: Reconciling a realm with realmctl
  The realm in Keycloak follows the spec: applying twice changes nothing, a change made in the
  console is planned and undone, and a bad spec is rejected with its line before anything is written.

  Background:
    Given the realm "coolproject" from "realms/coolproject.yaml" is applied

  Scenario: The second apply changes nothing
    When realmctl applies the spec again
    Then the apply changed nothing

  Scenario: A change made in the console is planned and undone
    Given an administrator sets "fullScopeAllowed" to true on client "client-app" in realm "coolproject"
    When realmctl plans the spec
    Then the plan updates "clients/client-app"
    When realmctl applies the spec again
    And realmctl plans the spec
    Then the plan is empty

  Scenario: A bad spec is rejected with its line and nothing changes
    When realmctl applies this spec:
      """
      realm: REALM
      clients:
        - clientId: web
          defaultClientScopes: [basic, no-such-scope]
      """
    Then it is rejected with "client scope 'no-such-scope' exists neither" at line 4
    And the realm "rejected" does not exist

  Scenario: --prune deletes what realmctl owned, never what a person made
    Given an administrator creates the client "made-by-hand" in realm "coolproject"
    When client "client-app" is removed from the spec and realmctl applies it with --prune
    Then the plan deleted "clients/client-app"
    And the client "client-app" does not exist in realm "coolproject"
    And the client "made-by-hand" exists in realm "coolproject"
    And the client "account" exists in realm "coolproject"
