package dev.realmctl.features;

import dev.realmctl.resourceserver.ResourceServer;
import dev.realmctl.support.Admin;
import dev.realmctl.support.TestKeycloak;
import io.cucumber.java.After;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one scenario knows, shared by the step classes through picocontainer. Realm names in the
 * features are logical: each scenario gets its own copy under a unique name.
 */
public final class World {
  final TestKeycloak keycloak = TestKeycloak.get();
  final ContractTarget target = ContractTarget.fromEnvironment();
  final Map<String, String> realms = new HashMap<>();
  final Map<String, ResourceServer> resourceServers = new HashMap<>();
  final List<AutoCloseable> closeables = new ArrayList<>();
  Response tokenResponse;
  Optional<String> accessToken = Optional.empty();
  Response apiResponse;
  private Admin admin;

  String realm(String logicalName) {
    String actual = realms.get(logicalName);
    if (actual == null) {
      throw new IllegalStateException(
          "realm '" + logicalName + "' was not applied in this scenario");
    }
    return actual;
  }

  String issuer(String logicalRealm) {
    return keycloak.url() + "/realms/" + realm(logicalRealm);
  }

  Admin admin() {
    if (admin == null) {
      admin = Admin.of(keycloak);
      closeables.add(admin);
    }
    return admin;
  }

  String token() {
    return accessToken.orElseThrow(() -> new IllegalStateException("no access token yet"));
  }

  @After
  public void close() throws Exception {
    for (AutoCloseable closeable : closeables) {
      closeable.close();
    }
    for (ResourceServer server : resourceServers.values()) {
      server.close();
    }
  }
}
