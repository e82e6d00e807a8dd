Feature: Client credentials for Cool Project
  client-app is a confidential client. With its own id and secret it gets access tokens for the
  resource server "apiserver", which accepts only tokens that name it in "aud".

  Background:
    Given the realm "coolproject" from "realms/coolproject.yaml" is applied
    And the API "apiserver" trusts realm "coolproject"

  Scenario: client-app authenticates with client_secret_basic
    When "client-app" requests a client-credentials token from realm "coolproject"
    Then Keycloak issues a token
    And the response has no refresh token
    And the access token has claim "azp" = "client-app"
    And the access token's audience is exactly "apiserver"

  Scenario: client-app authenticates with client_secret_post
    When "client-app" requests a client-credentials token from realm "coolproject" with its secret in the body
    Then Keycloak issues a token
    And the access token's audience is exactly "apiserver"

  Scenario: The token opens /secure-data
    Given "client-app" has a client-credentials token from realm "coolproject"
    When the token is sent to "/secure-data" of the API "apiserver"
    Then the API grants access to the token's subject

  Scenario: A wrong secret is refused
    When "client-app" requests a client-credentials token from realm "coolproject" with a wrong secret
    Then Keycloak refuses with status 401 and "unauthorized_client"

  Scenario: An unknown client is refused
    When "nobody" requests a client-credentials token from realm "coolproject" with a wrong secret
    Then Keycloak refuses with "invalid_client"

  Scenario: No token, no data
    When "/secure-data" of the API "apiserver" is called without a token
    Then the API asks for a token with a Bearer challenge
