package dev.realmctl.contract;

import dev.realmctl.keycloak.Connection;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;

/** What a person does in the admin console, done behind realmctl's back. */
final class ConsoleAdmin implements AutoCloseable {
  private final Keycloak keycloak;

  private ConsoleAdmin(Keycloak keycloak) {
    this.keycloak = keycloak;
  }

  static ConsoleAdmin of(Connection.Settings login) {
    KeycloakBuilder builder =
        KeycloakBuilder.builder()
            .serverUrl(login.serverUrl())
            .realm(login.realm())
            .clientId(login.clientId());
    if (login.clientSecret().isPresent()) {
      builder
          .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
          .clientSecret(login.clientSecret().get());
    } else {
      builder
          .grantType(OAuth2Constants.PASSWORD)
          .username(login.username().orElse(""))
          .password(login.password().orElse(""));
    }
    return new ConsoleAdmin(builder.build());
  }

  RealmResource realm(String realm) {
    return keycloak.realm(realm);
  }

  boolean realmExists(String realm) {
    return keycloak.realms().findAll().stream().anyMatch(r -> r.getRealm().equals(realm));
  }

  ClientResource client(String realm, String clientId) {
    var found = realm(realm).clients().findByClientId(clientId);
    if (found.isEmpty()) {
      throw new AssertionError("realm '" + realm + "' has no client '" + clientId + "'");
    }
    return realm(realm).clients().get(found.get(0).getId());
  }

  void detachDefaultScope(String realm, String clientId, String scope) {
    String scopeId =
        realm(realm).clientScopes().findAll().stream()
            .filter(s -> s.getName().equals(scope))
            .findFirst()
            .orElseThrow(() -> new AssertionError("realm '" + realm + "' has no scope " + scope))
            .getId();
    client(realm, clientId).removeDefaultClientScope(scopeId);
  }

  void createClient(String realm, String clientId) {
    ClientRepresentation rep = new ClientRepresentation();
    rep.setClientId(clientId);
    realm(realm).clients().create(rep).close();
  }

  @Override
  public void close() {
    keycloak.close();
  }
}
