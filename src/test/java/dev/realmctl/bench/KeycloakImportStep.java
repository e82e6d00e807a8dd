package dev.realmctl.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.realmctl.support.Admin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.PartialImportRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The yardstick for a first apply: Keycloak's own bulk import of the same content into another
 * realm. Partial import takes clients, roles and users but not client scopes: the realm and its
 * scopes are created first, one request each, and timed with it.
 */
final class KeycloakImportStep {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private KeycloakImportStep() {}

  @SuppressWarnings("unchecked")
  static String run(Admin admin, String realm, String yaml) {
    Map<String, Object> content = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    RealmRepresentation empty = new RealmRepresentation();
    empty.setRealm(realm);
    empty.setEnabled(true);
    List<?> scopes = (List<?>) content.get("clientScopes");
    Map<String, Object> rest = new LinkedHashMap<>();
    rest.put("ifResourceExists", "FAIL");
    rest.put("clients", content.get("clients"));
    rest.put("roles", content.get("roles"));
    rest.put("users", content.get("users"));
    long started = System.nanoTime();
    admin.keycloak().realms().create(empty);
    for (Object scope : scopes) {
      admin
          .realm(realm)
          .clientScopes()
          .create(JSON.convertValue(scope, ClientScopeRepresentation.class))
          .close();
    }
    admin
        .realm(realm)
        .partialImport(JSON.convertValue(rest, PartialImportRepresentation.class))
        .close();
    long millis = (System.nanoTime() - started) / 1_000_000;
    int changes =
        ((List<?>) content.get("clients")).size()
            + ((List<?>) content.get("users")).size()
            + ((List<?>) ((Map<String, Object>) content.get("roles")).get("realm")).size()
            + ((List<?>) content.get("clientScopes")).size();
    return String.format(
        "%-26s %10d %10d %8d %8d%n",
        "Keycloak partialImport", millis, scopes.size() + 2, scopes.size() + 2, changes);
  }
}
