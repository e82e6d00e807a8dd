@directory
Feature: Users from an LDAP directory log in
  The realm federates an LDAP directory (a user-storage component with two mapper sub-components,
  its bind credential from the environment). grace exists only in the directory, so her password
  comes from the environment too. Skipped where no directory is configured (DIRECTORY_LDAP_URL).

  Background:
    Given a directory server holds the realm's users
    And the realm "directory" from "src/test/resources/specs/directory.yaml" is applied

  Scenario: A directory user logs in with the password grant
    When "grace" logs in through "directory-app" in realm "directory" with password "${env:DIRECTORY_GRACE_PASSWORD}"
    Then Keycloak issues a token
    And the access token has claim "email" = "grace@realmctl.test"

  Scenario: A wrong password is refused by the directory
    When "grace" logs in through "directory-app" in realm "directory" with password "not-graces-password"
    Then Keycloak refuses with "invalid_grant"
