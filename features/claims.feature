Feature: What carol's tokens say about her, on the access token and the ID token
  The portal-claims scope puts her realm and client roles and her groups on both tokens: the app
  reads the ID token, the APIs the access token.

  Background:
    Given the realm "portal" from "realms/portal.yaml" is applied
    And "carol" has logged in through "portal-app" in realm "portal"

  Scenario: The access token carries carol's scope, roles and groups
    Then the access token's scope includes "email"
    And the access token's audience is exactly "backend"
    And the access token carries the realm role "reader"
    And the access token carries the client role "viewer" of "reports"
    And the access token carries the group "staff"

  Scenario: The ID token carries carol's roles and groups too
    Then the ID token's audience is exactly "portal-app"
    And the ID token has claim "email" = "carol@example.test"
    And the ID token carries the realm role "reader"
    And the ID token carries the client role "viewer" of "reports"
    And the ID token carries the group "staff"
