Feature: Logging out and revoking tokens end what a login started
  portal-app revokes carol's refresh token (RFC 7009), or logs her out of her session from the
  back channel. Either way Keycloak then refuses to refresh, and after a logout it says her access
  token is no longer active.

  Background:
    Given the realm "portal" from "realms/portal.yaml" is applied
    And "carol" logs in through the login page of "portal-app" in realm "portal"

  Scenario: A revoked refresh token no longer refreshes
    When "portal-app" revokes the refresh token in realm "portal"
    And "portal-app" refreshes the tokens in realm "portal"
    Then Keycloak refuses with "invalid_grant"

  Scenario: Logging out ends the session
    When "carol" logs out through "portal-app" in realm "portal"
    And "portal-app" introspects the access token in realm "portal"
    Then the introspection says the token is not active
    When "portal-app" refreshes the tokens in realm "portal"
    Then Keycloak refuses with "invalid_grant"
