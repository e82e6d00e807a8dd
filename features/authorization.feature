Feature: Authorization services decide who may do what
  The client "orders-api" holds its resources, scopes and policies in Keycloak: only holders of the
  realm role "orders-admin" may edit orders. Keycloak answers the decision (UMA grant,
  response_mode=decision) for the user of the access token.

  Background:
    Given the realm "orders" from "realms/orders.yaml" is applied

  Scenario: An order admin may edit orders
    When "ada" asks "orders-api" in realm "orders" whether they may "edit" the resource "Orders"
    Then the authorization services allow it

  Scenario: A user without the role may not
    When "bob" asks "orders-api" in realm "orders" whether they may "edit" the resource "Orders"
    Then the authorization services deny it
