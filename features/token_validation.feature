Feature: Forged and misused tokens are refused
  The sample API verifies tokens as a careful production API does: signature by a key of the
  issuer's JWKS with RS256 only, issuer, audience, expiry, and that it is an access token.
  Every refusal is a 401 with a Bearer challenge, and never echoes the token.

  Background:
    Given the realm "coolproject" from "realms/coolproject.yaml" is applied
    And the API "apiserver" trusts realm "coolproject"
    And "client-app" has a client-credentials token from realm "coolproject"

  Scenario Outline: A forged token is refused: <forgery>
    When a forged token "<forgery>" is sent to "/secure-data" of the API "apiserver"
    Then the API refuses the token with a Bearer challenge

    Examples:
      | forgery                                      |
      | with alg none                                |
      | HS256-signed with the realm's public key     |
      | with a tampered payload                      |
      | signed by an unknown key                     |
      | signed by a stranger with the realm's key id |

  Scenario: A token for the right API from the wrong issuer is refused
    Given the realm "testing" from "realms/testing.yaml" is applied
    And the API "fastapi-keycloak" trusts realm "coolproject"
    And "alice" has logged in through "fastapi-keycloak" in realm "testing"
    When the token is sent to "/protected" of the API "fastapi-keycloak"
    Then the API refuses the token with a Bearer challenge

  Scenario: ID and refresh tokens are not access tokens
    Given the realm "testing" from "realms/testing.yaml" is applied
    And the API "fastapi-keycloak" trusts realm "testing"
    And "alice" has logged in through "fastapi-keycloak" in realm "testing"
    When the ID token is sent to "/protected" of the API "fastapi-keycloak"
    Then the API refuses the token with a Bearer challenge
    When the refresh token is sent to "/protected" of the API "fastapi-keycloak"
    Then the API refuses the token with a Bearer challenge

  @mutates
  Scenario: An expired token is refused
    Given the access tokens of client "client-app" in realm "coolproject" live 1 second
    And the API "short-lived" trusts realm "coolproject" with a clock skew of 1 second
    And "client-app" has a client-credentials token from realm "coolproject"
    When 3 seconds pass
    And the token is sent to "/secure-data" of the API "short-lived"
    Then the API refuses the token with a Bearer challenge
