Feature: A custom direct-grant flow decides who logs in
  The realm binds its own direct-grant flow: a password, and a conditional step that denies users
  holding the realm role "blocked". Keycloak's own flow would let both users in.

  Background:
    Given the realm "guarded" from "realms/guarded.yaml" is applied

  Scenario: A user the flow lets in gets a token
    When "ada" logs in through "guarded-app" in realm "guarded"
    Then Keycloak issues a token

  Scenario: A user in the blocked role is denied by the flow, password or not
    When "bob" logs in through "guarded-app" in realm "guarded"
    Then the realm's authentication flow denies the login
