package dev.realmctl.spec;

import dev.realmctl.spec.AuthorizationSpec.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One fine-grained admin permission (v2) or the policy it applies: a policy of the {@code
 * admin-permissions} client that Keycloak makes when the realm sets {@code adminPermissionsEnabled:
 * true}. Read where exports write it, the client's {@code authorizationSettings.policies}, in the
 * same shape as any client's policies. That client's resources, scopes and settings are Keycloak's
 * schema of resource types (its writes answer HTTP 400, measured on 26.7.3): accepted as exports
 * write them, never planned.
 *
 * <p>A permission is a policy of type {@code scope} whose config names its {@code
 * defaultResourceType} ({@code Users}, {@code Clients}, {@code Groups}, {@code Roles}, {@code
 * Organizations}), the {@code scopes} it grants, and {@code resources}: the resource type's own
 * name for all of them, or the ones it is limited to by natural name (a username, a clientId, a
 * group path, a realm role or {@code clientId/role}). Keycloak's export writes those by id; an id
 * of this realm reads the same.
 */
public record AdminPermissionSpec(Policy policy) {

  public static final SpecKind KIND =
      new SpecKind("admin permission", "authorization.PolicyRepresentation");

  public static final SpecSection<AdminPermissionSpec> SECTION = new Section();

  public static final String CLIENT = AuthorizationSpec.ADMIN_PERMISSIONS_CLIENT;

  /** The realm field that turns the feature on and makes the client. */
  public static final String ENABLED = "adminPermissionsEnabled";

  /** The resource types of Keycloak 26.7.3's schema ({@code authorizationSchema}). */
  public static final Set<String> RESOURCE_TYPES =
      Set.of("Users", "Clients", "Groups", "Roles", "Organizations");

  /** The policy types Keycloak takes on this client; {@code resource} permissions answer 400. */
  public static final Set<String> TYPES =
      Set.of(
          "scope", "aggregate", "client", "client-scope", "group", "regex", "role", "time", "user");

  /** Keycloak's own, fixed for this client: exports write them, a write answers HTTP 400. */
  private static final Map<String, Object> FIXED =
      Map.of(
          "policyEnforcementMode", "ENFORCING",
          "decisionStrategy", "UNANIMOUS",
          "allowRemoteResourceManagement", true);

  private static final Set<String> SCHEMA =
      Set.of("clientId", "name", "resources", "scopes", "policies", "authorizationSchema");

  public String name() {
    return policy.name();
  }

  public Origin origin() {
    return policy.origin();
  }

  /** A permission (type {@code scope}), as opposed to a policy it applies. */
  public boolean isPermission() {
    return "scope".equals(policy.type());
  }

  private static final class Section implements SpecSection<AdminPermissionSpec> {
    public String field() {
      return "clients";
    }

    @Override
    public String key() {
      return "clients/" + CLIENT;
    }

    public List<AdminPermissionSpec> read(SpecReader reader, Object value, Origin origin) {
      List<AdminPermissionSpec> result = new ArrayList<>();
      if (!(value instanceof List<?>)) {
        // ClientSpec reports the shape of 'clients'.
        return result;
      }
      for (SpecReader.Item client : reader.items(value, field(), origin)) {
        Object settings = client.map().get(AuthorizationSpec.FIELD);
        if (settings == null || !CLIENT.equals(client.map().get("clientId"))) {
          continue;
        }
        Origin at = client.origin().child(AuthorizationSpec.FIELD);
        if (!(settings instanceof Map<?, ?> map)) {
          reader
              .problems()
              .error(at.location(), "'" + AuthorizationSpec.FIELD + "' must be a mapping");
          continue;
        }
        Map<String, Object> fields = SpecReader.strings(map);
        fixed(reader, reader.fields(fields, at, AuthorizationSpec.KIND, SCHEMA), at);
        for (SpecReader.Item item : reader.list(fields, "policies", at)) {
          AuthorizationSpec.readPolicy(reader, item)
              .filter(policy -> supported(reader, policy))
              .ifPresent(policy -> result.add(new AdminPermissionSpec(policy)));
        }
      }
      return result;
    }

    private static void fixed(SpecReader reader, Map<String, Object> declared, Origin at) {
      declared.forEach(
          (field, value) -> {
            if (!String.valueOf(FIXED.get(field)).equals(String.valueOf(value))) {
              reader
                  .problems()
                  .warning(
                      at.valueAt(field),
                      "Keycloak keeps '"
                          + field
                          + ": "
                          + FIXED.get(field)
                          + "' on '"
                          + CLIENT
                          + "' and refuses to change it: ignored");
            }
          });
    }

    private static boolean supported(SpecReader reader, Policy policy) {
      if (!TYPES.contains(policy.type())) {
        reader
            .problems()
            .error(
                policy.origin().valueAt("type"),
                "Keycloak's fine-grained admin permissions take no policy of type '"
                    + policy.type()
                    + "'; one of "
                    + new TreeSet<>(TYPES)
                    + " (a permission is 'scope')");
        return false;
      }
      if (!"scope".equals(policy.type())) {
        return true;
      }
      Origin config = policy.origin().child("config");
      String type = policy.config().get("defaultResourceType");
      if (type == null || !RESOURCE_TYPES.contains(type)) {
        reader
            .problems()
            .error(
                type == null ? policy.origin().at("config") : config.valueAt("defaultResourceType"),
                "permission '"
                    + policy.name()
                    + "' needs 'defaultResourceType' in its config, one of "
                    + new TreeSet<>(RESOURCE_TYPES));
        return false;
      }
      if (policy.references().scopes().isEmpty()) {
        reader
            .problems()
            .error(
                policy.origin().at("config"),
                "permission '"
                    + policy.name()
                    + "' grants no scope: Keycloak refuses it; list them in 'scopes', e.g. '[\"view\"]'");
        return false;
      }
      return true;
    }

    @Override
    public void check(RealmSpec spec, Problems problems) {
      List<AdminPermissionSpec> declared = spec.of(this);
      Unique.names(
          declared, AdminPermissionSpec::name, AdminPermissionSpec::origin, KIND, problems);
      if (!declared.isEmpty() && Boolean.FALSE.equals(spec.settings().get(ENABLED))) {
        problems.error(
            declared.get(0).origin().location(),
            "admin permissions need the realm's '"
                + ENABLED
                + ": true', which this realm sets false");
      }
    }

    /** Part of the client's schema: its {@code authorizationSettings}. */
    public Map<String, Object> schema(FieldCatalog catalog) {
      return AuthorizationSpec.schema(catalog);
    }
  }
}
