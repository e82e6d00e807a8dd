package dev.realmctl.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A client's authorization services ({@code authorizationSettings}, Keycloak's
 * ResourceServerRepresentation) as exports write it: scopes, resources and policies (permissions
 * are policies of type {@code resource} and {@code scope}), each named, naming each other by name
 * inside {@code config}. Read out of {@code clients}, as the user profile reads its component out
 * of {@code components}: the client stays one entry of an export, while its authorization is a kind
 * of its own with its own plan, edge and ownership.
 */
public record AuthorizationSpec(
    String clientId,
    Map<String, Object> fields,
    List<Scope> scopes,
    List<Resource> resources,
    List<Policy> policies,
    Origin origin) {

  public static final SpecKind KIND =
      new SpecKind("authorization settings", "authorization.ResourceServerRepresentation");
  public static final SpecKind SCOPE =
      new SpecKind("authorization scope", "authorization.ScopeRepresentation");
  public static final SpecKind RESOURCE =
      new SpecKind("authorization resource", "authorization.ResourceRepresentation");
  public static final SpecKind POLICY =
      new SpecKind("authorization policy", "authorization.PolicyRepresentation");

  public static final SpecSection<AuthorizationSpec> SECTION = new Section();

  /** The client field this kind takes over from the client's plain fields. */
  public static final String FIELD = "authorizationSettings";

  /**
   * The client Keycloak 26.2+ makes for fine-grained admin permissions v2 ({@code
   * adminPermissionsEnabled}). Its resources and scopes are Keycloak's schema (writes answered HTTP
   * 400, "Not supported for this client"), and its settings endpoint answers 400 too; its policies
   * are admin permissions, the kind {@link AdminPermissionSpec} (measured on 26.7.3).
   */
  public static final String ADMIN_PERMISSIONS_CLIENT = "admin-permissions";

  /** What Keycloak creates when authorization is enabled: compared if declared, never pruned. */
  public static final Set<String> DEFAULTS =
      Set.of("Default Resource", "Default Policy", "Default Permission");

  /** Set by Keycloak (the resource server is its client) or by the schema of resource types. */
  private static final Set<String> SETTINGS_OWN =
      Set.of("clientId", "name", "resources", "scopes", "policies", "authorizationSchema");

  private static final Set<String> RESOURCE_OWN = Set.of("name", "_id", "scopes", "uri");
  private static final Set<String> SCOPE_OWN = Set.of("name", "policies", "resources");

  /** Exports write these inside config; the top-level forms are the typed create API's. */
  private static final Set<String> POLICY_API_ONLY =
      Set.of("policies", "resources", "scopes", "resourcesData", "scopesData");

  private static final Set<String> POLICY_OWN =
      SpecReader.union(Set.of("name", "config", "owner"), POLICY_API_ONLY);

  private static final Map<String, Set<String>> ENUMS =
      Map.of(
          "policyEnforcementMode", Set.of("ENFORCING", "PERMISSIVE", "DISABLED"),
          "decisionStrategy", Set.of("UNANIMOUS", "AFFIRMATIVE", "CONSENSUS"),
          "logic", Set.of("POSITIVE", "NEGATIVE"));

  private static final ObjectMapper JSON = new ObjectMapper();

  public record Scope(String name, Map<String, Object> fields, Origin origin) {}

  /** A resource; its scopes, when declared, an exact set of scope names. */
  public record Resource(
      String name, Map<String, Object> fields, Optional<Set<String>> scopes, Origin origin) {}

  /**
   * A policy or permission, its config as Keycloak keeps it (strings, lists as JSON text), with
   * what the config names read out of it.
   */
  public record Policy(
      String name,
      String type,
      Map<String, Object> fields,
      Map<String, String> config,
      References references,
      Origin origin) {}

  /**
   * What a policy names: other policies, resources and scopes of its client, and realm roles
   * ({@code name}) or client roles ({@code clientId/name}), users, groups (paths without the
   * leading slash) and clients of the realm. Each with the line of the config entry naming it.
   */
  public record References(
      Map<String, Origin> policies,
      Map<String, Origin> resources,
      Map<String, Origin> scopes,
      Map<String, Origin> roles,
      Map<String, Origin> users,
      Map<String, Origin> groups,
      Map<String, Origin> clients) {}

  private static final class Section implements SpecSection<AuthorizationSpec> {
    public String field() {
      return "clients";
    }

    @Override
    public String key() {
      return "clients/" + FIELD;
    }

    public List<AuthorizationSpec> read(SpecReader reader, Object value, Origin origin) {
      List<AuthorizationSpec> result = new ArrayList<>();
      if (!(value instanceof List<?>)) {
        // ClientSpec reports the shape of 'clients'.
        return result;
      }
      for (SpecReader.Item client : reader.items(value, field(), origin)) {
        Object settings = client.map().get(FIELD);
        if (settings == null || !(client.map().get("clientId") instanceof String clientId)) {
          continue;
        }
        Origin at = client.origin().child(FIELD);
        if (clientId.equals(ADMIN_PERMISSIONS_CLIENT)) {
          // Fine-grained admin permissions: AdminPermissionSpec reads them.
          continue;
        }
        if (!(settings instanceof Map<?, ?> map)) {
          reader.problems().error(at.location(), "'" + FIELD + "' must be a mapping");
          continue;
        }
        if (!Boolean.TRUE.equals(client.map().get("authorizationServicesEnabled"))) {
          reader
              .problems()
              .warning(
                  at.location(),
                  "client '"
                      + clientId
                      + "' declares '"
                      + FIELD
                      + "' but not 'authorizationServicesEnabled: true': Keycloak's import turns"
                      + " authorization services on for it, and so does realmctl");
        }
        if (Boolean.TRUE.equals(client.map().get("publicClient"))) {
          reader
              .problems()
              .error(
                  client.origin().at("publicClient"),
                  "a public client cannot have authorization services: Keycloak refuses them");
        }
        result.add(settings(reader, clientId, SpecReader.strings(map), at));
      }
      return result;
    }

    private AuthorizationSpec settings(
        SpecReader reader, String clientId, Map<String, Object> map, Origin origin) {
      Map<String, Object> fields = reader.fields(map, origin, KIND, SETTINGS_OWN);
      enums(reader, fields, origin);
      List<Scope> scopes = new ArrayList<>();
      for (SpecReader.Item item : reader.list(map, "scopes", origin)) {
        Optional<String> name = reader.requiredName(item.map(), "name", item.origin(), SCOPE);
        Map<String, Object> scopeFields =
            reader.fields(item.map(), item.origin(), SCOPE, SCOPE_OWN);
        name.ifPresent(n -> scopes.add(new Scope(n, scopeFields, item.origin())));
      }
      List<Resource> resources = new ArrayList<>();
      for (SpecReader.Item item : reader.list(map, "resources", origin)) {
        Optional<String> name = reader.requiredName(item.map(), "name", item.origin(), RESOURCE);
        Map<String, Object> resourceFields =
            reader.fields(item.map(), item.origin(), RESOURCE, RESOURCE_OWN);
        Optional<Set<String>> scopeNames = resourceScopes(reader, item);
        name.ifPresent(
            n -> resources.add(new Resource(n, resourceFields, scopeNames, item.origin())));
      }
      List<Policy> policies = new ArrayList<>();
      for (SpecReader.Item item : reader.list(map, "policies", origin)) {
        policy(reader, item).ifPresent(policies::add);
      }
      return new AuthorizationSpec(clientId, fields, scopes, resources, policies, origin);
    }

    /** Exports write a resource's scopes as {@code [{name: ...}]}. */
    private Optional<Set<String>> resourceScopes(SpecReader reader, SpecReader.Item resource) {
      if (!resource.map().containsKey("scopes")) {
        return Optional.empty();
      }
      Set<String> names = new LinkedHashSet<>();
      for (SpecReader.Item scope : reader.list(resource.map(), "scopes", resource.origin())) {
        reader
            .requiredName(scope.map(), "name", scope.origin(), SCOPE)
            .ifPresent(
                n -> {
                  if (!names.add(n)) {
                    reader
                        .problems()
                        .error(scope.origin().location(), "scope '" + n + "' is listed twice");
                  }
                });
      }
      return Optional.of(names);
    }

    private static Optional<Policy> policy(SpecReader reader, SpecReader.Item item) {
      Optional<String> name = reader.requiredName(item.map(), "name", item.origin(), POLICY);
      Optional<String> type = reader.requiredName(item.map(), "type", item.origin(), POLICY);
      for (String apiOnly : POLICY_API_ONLY) {
        if (item.map().containsKey(apiOnly)) {
          reader
              .problems()
              .error(
                  item.origin().at(apiOnly),
                  "write '"
                      + apiOnly
                      + "' inside 'config' as a JSON list of names, as exports do"
                      + " (e.g. \"[\\\"name\\\"]\")");
        }
      }
      Map<String, Object> fields = reader.fields(item.map(), item.origin(), POLICY, POLICY_OWN);
      enums(reader, fields, item.origin());
      Map<String, String> config = new LinkedHashMap<>();
      // Policy config holds names and code that references resolve, never a secret.
      reader
          .config(item.map(), item.origin())
          .forEach(
              (k, v) -> config.put(k, v instanceof Sensitive s ? s.reveal() : String.valueOf(v)));
      References references = references(reader, config, item.origin().child("config"));
      if (name.isEmpty() || type.isEmpty()) {
        return Optional.empty();
      }
      fields.put("type", type.get());
      return Optional.of(
          new Policy(name.get(), type.get(), fields, config, references, item.origin()));
    }

    private static void enums(SpecReader reader, Map<String, Object> fields, Origin origin) {
      ENUMS.forEach(
          (field, allowed) -> {
            Object value = fields.get(field);
            if (value != null && !allowed.contains(String.valueOf(value))) {
              reader
                  .problems()
                  .error(
                      origin.valueAt(field),
                      "'" + field + "' must be one of " + new java.util.TreeSet<>(allowed));
            }
          });
    }

    private static References references(
        SpecReader reader, Map<String, String> config, Origin origin) {
      return new References(
          names(reader, config, "applyPolicies", null, origin),
          names(reader, config, "resources", null, origin),
          names(reader, config, "scopes", null, origin),
          names(reader, config, "roles", "id", origin),
          names(reader, config, "users", null, origin),
          groups(reader, config, origin),
          names(reader, config, "clients", null, origin));
    }

    private static Map<String, Origin> groups(
        SpecReader reader, Map<String, String> config, Origin origin) {
      Map<String, Origin> result = new LinkedHashMap<>();
      names(reader, config, "groups", "path", origin)
          .forEach((path, at) -> result.put(path.startsWith("/") ? path.substring(1) : path, at));
      return result;
    }

    /**
     * The names a config entry lists as JSON text: plain strings, or objects naming it under {@code
     * key} (role policies: {@code [{"id":"shop/admin","required":false}]}).
     */
    private static Map<String, Origin> names(
        SpecReader reader, Map<String, String> config, String entry, String key, Origin origin) {
      Map<String, Origin> result = new LinkedHashMap<>();
      String text = config.get(entry);
      if (text == null || text.isBlank()) {
        return result;
      }
      Origin at = origin.child(entry);
      List<?> list;
      try {
        list = JSON.readValue(text, List.class);
      } catch (JsonProcessingException e) {
        reader
            .problems()
            .error(
                origin.valueAt(entry),
                "'"
                    + entry
                    + "' must be a JSON list, as exports write it: "
                    + e.getOriginalMessage());
        return result;
      }
      for (Object element : list) {
        Object name =
            key != null && element instanceof Map<?, ?> object ? object.get(key) : element;
        if (name instanceof String text2 && !text2.isBlank()) {
          result.put(text2, at);
        } else {
          reader
              .problems()
              .error(
                  origin.valueAt(entry),
                  "'"
                      + entry
                      + "' must list "
                      + (key == null ? "names" : "objects with '" + key + "'")
                      + ", not "
                      + element);
        }
      }
      return result;
    }

    @Override
    public void check(RealmSpec spec, Problems problems) {
      for (AuthorizationSpec authz : spec.of(this)) {
        Unique.names(authz.scopes(), Scope::name, Scope::origin, SCOPE, problems);
        Unique.names(authz.resources(), Resource::name, Resource::origin, RESOURCE, problems);
        Unique.names(authz.policies(), Policy::name, Policy::origin, POLICY, problems);
      }
    }

    /** Part of the client's schema ({@link #schema(FieldCatalog, boolean)}), not the realm's. */
    public Map<String, Object> schema(FieldCatalog catalog) {
      return AuthorizationSpec.schema(catalog);
    }
  }

  /** One policy or permission as exports write it; the admin permissions read theirs so too. */
  static Optional<Policy> readPolicy(SpecReader reader, SpecReader.Item item) {
    return Section.policy(reader, item);
  }

  /** The schema of a client's {@code authorizationSettings}. */
  public static Map<String, Object> schema(FieldCatalog catalog) {
    Map<String, Object> settings = SpecSchema.object(catalog, KIND, List.of(), false);
    Map<String, Object> scope = SpecSchema.object(catalog, SCOPE, List.of("name"), false);
    Map<String, Object> resource = SpecSchema.object(catalog, RESOURCE, List.of("name"), false);
    SpecSchema.properties(resource)
        .put(
            "scopes",
            SpecSchema.arrayOf(
                Map.of(
                    "type",
                    "object",
                    "required",
                    List.of("name"),
                    "properties",
                    Map.of("name", Map.of("type", "string")))));
    Map<String, Object> policy = SpecSchema.object(catalog, POLICY, List.of("name", "type"), false);
    POLICY_API_ONLY.forEach(SpecSchema.properties(policy)::remove);
    SpecSchema.properties(policy)
        .put("config", Map.of("type", "object", "additionalProperties", Map.of("type", "string")));
    SpecSchema.properties(settings).put("scopes", SpecSchema.arrayOf(scope));
    SpecSchema.properties(settings).put("resources", SpecSchema.arrayOf(resource));
    SpecSchema.properties(settings).put("policies", SpecSchema.arrayOf(policy));
    SpecSchema.properties(settings).remove("authorizationSchema");
    return settings;
  }
}
