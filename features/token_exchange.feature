Feature: A back end exchanges a user's token for another API's (standard token exchange)
  carol's token from portal-app names backend as its audience. backend, allowed to exchange
  (standard.token.exchange.enabled), gets in return a token for the reports API alone, still
  carol's. Keycloak 26.2 and newer: on an older server the scenarios are skipped, saying so.

  Background:
    Given the realm "portal" from "realms/portal.yaml" is applied
    And "carol" has logged in through "portal-app" in realm "portal"

  Scenario: backend gets a token for the reports API on carol's behalf
    Given the API "reports" trusts realm "portal"
    When "backend" exchanges the access token for one with audience "reports" in realm "portal"
    Then Keycloak issues a token
    And the access token's audience is exactly "reports"
    And the access token has claim "azp" = "backend"
    And the access token has claim "preferred_username" = "carol"
    When the token is sent to "/secure-data" of the API "reports"
    Then the API grants access to the token's subject

  Scenario: An audience backend's scopes do not reach is refused
    When "backend" exchanges the access token for one with audience "portal-app" in realm "portal"
    Then Keycloak refuses with "invalid_request"

  Scenario: A client not allowed to exchange is refused
    When "portal-app" exchanges the access token for one with audience "reports" in realm "portal"
    Then Keycloak refuses with "invalid_request"
