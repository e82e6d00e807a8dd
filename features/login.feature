Feature: A user logs in through the login page, as in a browser
  alice logs in to the FastAPI app with the authorization code flow and PKCE: Keycloak's own login
  page, posted as her browser would post it. The app then refreshes her tokens, asks Keycloak
  whether the access token is active, and reads her profile from userinfo.

  Background:
    Given the realm "testing" from "realms/testing.yaml" is applied

  Scenario: alice logs in with the authorization code flow and PKCE
    When "alice" logs in through the login page of "fastapi-keycloak" in realm "testing"
    Then Keycloak issues a token
    And the access token has claim "preferred_username" = "alice"

  Scenario: The app refreshes alice's tokens, introspects them and reads userinfo
    Given "alice" logs in through the login page of "fastapi-keycloak" in realm "testing"
    When "fastapi-keycloak" refreshes the tokens in realm "testing"
    Then Keycloak issues a token
    When "fastapi-keycloak" introspects the access token in realm "testing"
    Then the introspection says the token is active
    When the access token is sent to the userinfo endpoint of realm "testing"
    Then userinfo says "preferred_username" is "alice"
    And userinfo says "email" is "alice@example.com"
