Feature: The password grant of the FastAPI tutorial
  alice logs in through the confidential client fastapi-keycloak with her password; the API
  behind it answers /protected with who she is, read from the token alone.

  Background:
    Given the realm "testing" from "realms/testing.yaml" is applied
    And the API "fastapi-keycloak" trusts realm "testing"

  Scenario: alice logs in and /protected says who she is
    When "alice" logs in through "fastapi-keycloak" in realm "testing"
    Then Keycloak issues a token
    When the token is sent to "/protected" of the API "fastapi-keycloak"
    Then the API answers with:
      | preferred_username | alice             |
      | email              | alice@example.com |
      | full_name          | Alice Liddell     |

  Scenario: A wrong password
    When "alice" logs in through "fastapi-keycloak" in realm "testing" with password "not-her-password"
    Then Keycloak refuses with "invalid_grant" saying "Invalid user credentials"
    And the status is the one this Keycloak version gives a refused password

  @mutates
  Scenario: A client with direct grants off
    Given an administrator sets "directAccessGrantsEnabled" to false on client "fastapi-keycloak" in realm "testing"
    When "alice" logs in through "fastapi-keycloak" in realm "testing"
    Then Keycloak refuses with "unauthorized_client"

  @mutates
  Scenario: A disabled user
    Given an administrator disables the user "alice" in realm "testing"
    When "alice" logs in through "fastapi-keycloak" in realm "testing"
    Then Keycloak refuses with "invalid_grant"

  @mutates
  Scenario: A user missing profile fields cannot use the password grant
    Given an administrator creates the user "bob" with password "bobs-password" and no email or names in realm "testing"
    When "bob" logs in through "fastapi-keycloak" in realm "testing" with password "bobs-password"
    Then Keycloak refuses with "invalid_grant" saying "Account is not fully set up"

  Scenario: alice holds the role user, and the API's restricted route lets her in
    Given the API "fastapi-keycloak" trusts realm "testing" and requires the realm role "user"
    When "alice" logs in through "fastapi-keycloak" in realm "testing"
    Then the access token carries the realm role "user"
    When the token is sent to "/restricted" of the API "fastapi-keycloak"
    Then the API answers 200

  @mutates
  Scenario: A user without the role is refused with insufficient_scope
    Given the API "fastapi-keycloak" trusts realm "testing" and requires the realm role "user"
    And an administrator creates the user "carol" with password "carols-password", a full profile and no roles in realm "testing"
    When "carol" logs in through "fastapi-keycloak" in realm "testing" with password "carols-password"
    And the token is sent to "/restricted" of the API "fastapi-keycloak"
    Then the API refuses the token for want of the role "user"
