package dev.realmctl.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.realmctl.support.Admin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.representations.idm.PartialImportRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The yardstick for a first apply: Keycloak's own bulk import of the same content into another
 * realm. Partial import takes clients, roles and users but not client scopes, so the realm is
 * created with its scopes first; both requests (the only two) are timed.
 */
final class KeycloakImportStep {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private KeycloakImportStep() {}

  @SuppressWarnings("unchecked")
  static String run(Admin admin, String realm, String yaml) {
    Map<String, Object> content = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    Map<String, Object> withScopes = new LinkedHashMap<>();
    withScopes.put("realm", realm);
    withScopes.put("enabled", true);
    withScopes.put("clientScopes", content.get("clientScopes"));
    Map<String, Object> rest = new LinkedHashMap<>();
    rest.put("ifResourceExists", "FAIL");
    rest.put("clients", content.get("clients"));
    rest.put("roles", content.get("roles"));
    rest.put("users", content.get("users"));
    long started = System.nanoTime();
    admin.keycloak().realms().create(JSON.convertValue(withScopes, RealmRepresentation.class));
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
        "%-26s %10d %10d %8d %8d%n", "Keycloak partialImport", millis, 2, 2, changes);
  }
}
