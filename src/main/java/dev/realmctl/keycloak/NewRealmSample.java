package dev.realmctl.keycloak;

import jakarta.ws.rs.ForbiddenException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * What Keycloak puts into a new realm, asked of the server itself: a throwaway realm is created,
 * exported through the same edges as the realm being exported, and deleted. Defaults differ by
 * version and by the server's configuration, so no list kept here could say it.
 */
final class NewRealmSample {
  static final String PREFIX = "realmctl-defaults-";

  private NewRealmSample() {}

  /**
   * The export of a new realm, renamed to {@code realm}; empty when this login may not create a
   * realm (HTTP 403).
   */
  static Optional<Map<String, Object>> export(
      Connection connection, String realm, Function<String, Map<String, Object>> exporter) {
    String name = PREFIX + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
    RealmRepresentation bare = new RealmRepresentation();
    bare.setRealm(name);
    try {
      connection.keycloak().realms().create(bare);
    } catch (ForbiddenException refused) {
      return Optional.empty();
    }
    try {
      // Keycloak fills some attributes in (clientSessionIdleTimeout: '0'...) when a realm is first
      // saved, and every realm realmctl has applied was saved: so is the sample.
      var sample = connection.keycloak().realm(name);
      sample.update(sample.toRepresentation());
      // A bare client and user, for what a new client or user of any realm holds.
      var client = new org.keycloak.representations.idm.ClientRepresentation();
      client.setClientId(ExportDefaults.BARE);
      sample.clients().create(client).close();
      var user = new org.keycloak.representations.idm.UserRepresentation();
      user.setUsername(ExportDefaults.BARE);
      sample.users().create(user).close();
      return Optional.of(ExportDefaults.renamed(exporter.apply(name), name, realm));
    } finally {
      connection.keycloak().realm(name).remove();
    }
  }
}
