Feature: Audience validation
  An API accepts a token only when "aud" names it. Which APIs a client's tokens name is decided
  by the audience scopes the realm spec gives the client.

  Scenario: A token carrying the API's audience is accepted
    Given the realm "coolproject" from "realms/coolproject.yaml" is applied
    And the API "apiserver" trusts realm "coolproject"
    And "client-app" has a client-credentials token from realm "coolproject"
    When the token is sent to "/secure-data" of the API "apiserver"
    Then the API grants access to the token's subject

  @mutates
  Scenario: A token from a client without the audience scope is refused
    Given the realm "coolproject" from "realms/coolproject.yaml" is applied
    And the API "apiserver" trusts realm "coolproject"
    And an administrator removes the default scope "api-audience" from client "client-app" in realm "coolproject"
    And "client-app" has a client-credentials token from realm "coolproject"
    When the token is sent to "/secure-data" of the API "apiserver"
    Then the API refuses the token with a Bearer challenge

  Scenario: A token from another realm is refused
    Given the realm "coolproject" from "realms/coolproject.yaml" is applied
    And the realm "atlas" from "realms/partners.yaml" is applied
    And the API "backend" trusts realm "coolproject"
    And "partner-acme" has a client-credentials token from realm "atlas"
    When the token is sent to "/secure-data" of the API "backend"
    Then the API refuses the token with a Bearer challenge

  Scenario Outline: Each partner reaches only its own API
    Given the realm "atlas" from "realms/partners.yaml" is applied
    And the API "backend" trusts realm "atlas"
    And the API "reports-api" trusts realm "atlas"
    And "<partner>" has a client-credentials token from realm "atlas"
    When the token is sent to "/secure-data" of the API "<api>"
    Then the API answers <status>

    Examples:
      | partner        | api         | status |
      | partner-acme   | backend     | 200    |
      | partner-acme   | reports-api | 401    |
      | partner-globex | reports-api | 200    |
      | partner-globex | backend     | 401    |
