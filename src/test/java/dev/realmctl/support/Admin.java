package dev.realmctl.support;

import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;

/** What a person does in the admin console, done behind realmctl's back. */
public final class Admin implements AutoCloseable {
  private final Keycloak keycloak;

  private Admin(Keycloak keycloak) {
    this.keycloak = keycloak;
  }

  public static Admin of(TestKeycloak server) {
    return new Admin(
        Keycloak.getInstance(
            server.url(), "master", server.adminUser(), server.adminPassword(), "admin-cli"));
  }

  public Keycloak keycloak() {
    return keycloak;
  }

  public RealmResource realm(String realm) {
    return keycloak.realm(realm);
  }

  public boolean realmExists(String realm) {
    return keycloak.realms().findAll().stream().anyMatch(r -> r.getRealm().equals(realm));
  }

  public ClientResource client(String realm, String clientId) {
    String id = realm(realm).clients().findByClientId(clientId).get(0).getId();
    return realm(realm).clients().get(id);
  }

  private String scopeId(String realm, String scope) {
    return realm(realm).clientScopes().findAll().stream()
        .filter(s -> s.getName().equals(scope))
        .findFirst()
        .orElseThrow()
        .getId();
  }

  public void clientFullScopeAllowed(String realm, String clientId, boolean value) {
    var rep = client(realm, clientId).toRepresentation();
    rep.setFullScopeAllowed(value);
    client(realm, clientId).update(rep);
  }

  public void detachDefaultScope(String realm, String clientId, String scope) {
    client(realm, clientId).removeDefaultClientScope(scopeId(realm, scope));
  }

  public void attachDefaultScope(String realm, String clientId, String scope) {
    client(realm, clientId).addDefaultClientScope(scopeId(realm, scope));
  }

  public void setMapperConfig(String realm, String scope, String mapper, String key, String value) {
    var mappers = realm(realm).clientScopes().get(scopeId(realm, scope)).getProtocolMappers();
    var rep =
        mappers.getMappers().stream()
            .filter(m -> m.getName().equals(mapper))
            .findFirst()
            .orElseThrow();
    rep.getConfig().put(key, value);
    mappers.update(rep.getId(), rep);
  }

  public void rotateSecret(String realm, String clientId) {
    client(realm, clientId).generateNewSecret();
  }

  public void createClient(String realm, String clientId) {
    var rep = new org.keycloak.representations.idm.ClientRepresentation();
    rep.setClientId(clientId);
    realm(realm).clients().create(rep).close();
  }

  @Override
  public void close() {
    keycloak.close();
  }
}
