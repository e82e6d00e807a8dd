@mutates
Feature: A realm export Keycloak wrote itself applies, and then nothing is left to change
  The file is `kc.sh export` output of the server's version family, from the project's corpus
  (src/test/resources/corpus): flows, required actions, key providers, client registration
  policies, built-in clients and scopes, a user with a hashed password, all as Keycloak writes them.

  Scenario: The FastAPI tutorial's realm, as Keycloak exported it
    Given the realm "testing" from Keycloak's own export "testing.json" is applied
    When realmctl plans the spec
    Then the plan is empty

  Scenario: The client-credentials tutorial's realm, as Keycloak exported it
    Given the realm "coolproject" from Keycloak's own export "coolproject.json" is applied
    When realmctl plans the spec
    Then the plan is empty
