Feature: A web app that must use PKCE
  portal-app requires a PKCE challenge (S256) on every login. A login that sends one goes through
  the login page; an authorization request without one is sent back to the app with an error
  before any login page is shown, so a stolen code is worth nothing without its verifier.

  Background:
    Given the realm "portal" from "realms/portal.yaml" is applied

  Scenario: carol logs in with a PKCE challenge
    When "carol" logs in through the login page of "portal-app" in realm "portal"
    Then Keycloak issues a token
    And the access token has claim "preferred_username" = "carol"

  Scenario: A login without a PKCE challenge is refused
    When "portal-app" sends a user to the login page of realm "portal" without a PKCE challenge
    Then the login is refused with "invalid_request"
