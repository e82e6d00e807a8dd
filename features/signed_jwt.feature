Feature: A service authenticates with a signed JWT (private_key_jwt)
  signed-client has no secret: it signs a short-lived JWT with its private key, and Keycloak
  checks it with the public key the realm's spec registers (jwks.string). The private key comes
  from a file the run names, never from the feature or the spec; where that file is missing, the
  scenarios are skipped, saying so (docs/contract.md: a team's own key).

  Background:
    Given the realm "portal" from "realms/portal.yaml" is applied
    And "signed-client" signs with the private key "${file:target/contract-keys/signed-client.pem}"

  Scenario: signed-client gets a token with a JWT signed by its key
    When "signed-client" requests a client-credentials token from realm "portal" with a signed JWT
    Then Keycloak issues a token
    And the access token has claim "azp" = "signed-client"
    And the access token's audience is exactly "reports"

  Scenario: A JWT signed by another key is refused
    When "signed-client" requests a client-credentials token from realm "portal" with a JWT signed by another key
    Then Keycloak refuses with "invalid_client"
