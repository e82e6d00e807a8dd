package dev.realmctl.keycloak;

import dev.realmctl.plan.AuthorizationPlanner;
import dev.realmctl.plan.AuthorizationPlanner.Live;
import dev.realmctl.plan.AuthorizationPlanner.PolicyId;
import dev.realmctl.plan.AuthorizationPlanner.Read;
import dev.realmctl.plan.AuthorizationPlanner.ResourceEntryId;
import dev.realmctl.plan.AuthorizationPlanner.ScopeId;
import dev.realmctl.plan.AuthorizationPlanner.SettingsId;
import dev.realmctl.plan.Builtins;
import dev.realmctl.plan.Change;
import dev.realmctl.plan.ClientPlanner;
import dev.realmctl.plan.Kind;
import dev.realmctl.plan.LiveRealm;
import dev.realmctl.plan.Ownership;
import dev.realmctl.spec.AuthorizationSpec;
import dev.realmctl.spec.RealmSpec;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.keycloak.admin.client.resource.AuthorizationResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.authorization.PolicyRepresentation;
import org.keycloak.representations.idm.authorization.ResourceRepresentation;
import org.keycloak.representations.idm.authorization.ResourceServerRepresentation;
import org.keycloak.representations.idm.authorization.ScopeRepresentation;

/**
 * Clients' authorization services. Reading is one {@code exportSettings} per client, which names
 * everything as exports do ({@link AuthorizationRead}); writes send names too (Keycloak's import
 * resolves them), and look ids up by name only for the updates and deletes that need them.
 */
final class AuthorizationEdge implements KindEdge {
  private static final List<String> OWNED_KEYS =
      List.of("authorizationScopes", "authorizationResources", "authorizationPolicies");

  /** Keycloak's own: the resource server is its client, ids are its business. */
  private static final Set<String> NOT_EXPORTED =
      Set.of("id", "_id", "clientId", "name", "authorizationSchema", "resources", "scopes");

  @Override
  public Map<Kind, ChangeWriter<?>> writers() {
    return Map.of(
        Kind.AUTHZ_SETTINGS, new Settings(),
        Kind.AUTHZ_SCOPE, new Scopes(),
        Kind.AUTHZ_RESOURCE, new Resources(),
        Kind.AUTHZ_POLICY, new Policies());
  }

  /** One request per client whose authorization matters; none when none does. */
  @Override
  public LiveRealm read(RealmSpec spec, RealmRead read, LiveRealm live) {
    RealmResource realm = read.realm();
    RealmIds ids = read.ids();
    Set<String> clientIds = new HashSet<>();
    spec.of(AuthorizationSpec.SECTION).forEach(a -> clientIds.add(a.clientId()));
    Ownership recorded = Ownership.recordedIn(live.settings());
    for (String key : OWNED_KEYS) {
      recorded.of(key).forEach(owned -> clientIds.add(owned.substring(0, owned.indexOf('#'))));
    }
    if (clientIds.isEmpty()) {
      return live;
    }
    Map<String, Live> clients = new HashMap<>();
    for (String clientId : clientIds) {
      ClientPlanner.Live client = live.part(ClientPlanner.LIVE).get(clientId);
      if (client != null
          && !clientId.equals(AuthorizationSpec.ADMIN_PERMISSIONS_CLIENT)
          && Boolean.TRUE.equals(client.fields().get("authorizationServicesEnabled"))) {
        clients.put(
            clientId,
            AuthorizationRead.read(realm.clients().get(ids.clients.get(clientId)).authorization()));
      }
    }
    return live.with(
        AuthorizationPlanner.LIVE, new Read(clients, AuthorizationRead.found(spec, realm, live)));
  }

  @Override
  public LiveRealm readAll(String name, RealmRead read, LiveRealm live) {
    RealmResource realm = read.realm();
    RealmIds ids = read.ids();
    Map<String, Live> clients = new HashMap<>();
    for (var client : live.part(ClientPlanner.LIVE).entrySet()) {
      if (Boolean.TRUE.equals(client.getValue().fields().get("authorizationServicesEnabled"))
          && !Builtins.CLIENTS.contains(client.getKey())
          && !client.getKey().equals(AuthorizationSpec.ADMIN_PERMISSIONS_CLIENT)) {
        clients.put(
            client.getKey(),
            AuthorizationRead.read(
                realm.clients().get(ids.clients.get(client.getKey())).authorization()));
      }
    }
    return live.with(AuthorizationPlanner.LIVE, new Read(clients, Set.of()));
  }

  /** Each exported client with authorization services gets its settings, resources and policies. */
  @Override
  public List<EntryFields> exportInto(String realm, LiveRealm live) {
    Map<String, Map<String, Object>> byClient = new HashMap<>();
    live.part(AuthorizationPlanner.LIVE)
        .clients()
        .forEach(
            (clientId, authz) -> {
              Map<String, Object> out = new LinkedHashMap<>();
              new TreeMap<>(authz.settings())
                  .forEach(
                      (k, v) -> {
                        if (!NOT_EXPORTED.contains(k) && !"policies".equals(k)) {
                          out.put(k, v);
                        }
                      });
              out.put("scopes", sorted(authz.scopes()));
              out.put("resources", sorted(authz.resources()));
              // In Keycloak's own order, which has applied policies first, as an import wants them.
              List<Map<String, Object>> policies = new ArrayList<>();
              if (authz.settings().get("policies") instanceof List<?> list) {
                for (Object policy : list) {
                  if (policy instanceof Map<?, ?> map) {
                    policies.add(authz.policies().get(String.valueOf(map.get("name"))));
                  }
                }
              }
              out.put("policies", policies);
              Map<String, Object> fields = new LinkedHashMap<>();
              // The client list leaves it out; the settings need it said.
              fields.put("authorizationServicesEnabled", true);
              fields.put(AuthorizationSpec.FIELD, out);
              byClient.put(clientId, fields);
            });
    return List.of(new EntryFields("clients", "clientId", byClient));
  }

  private static List<Map<String, Object>> sorted(Map<String, Map<String, Object>> byName) {
    return new ArrayList<>(new TreeMap<>(byName).values());
  }

  private static AuthorizationResource authorization(Target target, String realm, String client) {
    return target.client(realm, client).authorization();
  }

  /** Keycloak answers authorization creates with the created representation, not a location. */
  private static void created(Response response) {
    try (response) {
      if (response.getStatus() != 201 && response.getStatus() != 200) {
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        throw new WebApplicationException(
            ("HTTP " + response.getStatus() + " " + body).strip(), response.getStatus());
      }
    }
  }

  private static final class Settings implements ChangeWriter<SettingsId> {
    @Override
    public Class<SettingsId> idType() {
      return SettingsId.class;
    }

    public void create(SettingsId id, Change change, Target target) {
      update(id, change, target);
    }

    public void update(SettingsId id, Change change, Target target) {
      var authorization = authorization(target, id.realm(), id.clientId());
      authorization.update(
          Json.overlay(
              authorization.getSettings(), change.after(), ResourceServerRepresentation.class));
    }

    public void delete(SettingsId id, Change change, Target target) {
      // The resource server goes with the client's authorizationServicesEnabled.
    }

    @Override
    public boolean exists(SettingsId id, Change change, Target target) {
      return true;
    }
  }

  private static final class Scopes implements ChangeWriter<ScopeId> {
    @Override
    public Class<ScopeId> idType() {
      return ScopeId.class;
    }

    public void create(ScopeId id, Change change, Target target) {
      created(
          authorization(target, id.realm(), id.clientId())
              .scopes()
              .create(Json.toRepresentation(change.after(), ScopeRepresentation.class)));
    }

    public void update(ScopeId id, Change change, Target target) {
      var scopes = authorization(target, id.realm(), id.clientId()).scopes();
      var scope = scopes.scope(scopeId(target, id));
      scope.update(
          Json.overlay(scope.toRepresentation(), change.after(), ScopeRepresentation.class));
    }

    public void delete(ScopeId id, Change change, Target target) {
      authorization(target, id.realm(), id.clientId()).scopes().scope(scopeId(target, id)).remove();
    }

    @Override
    public boolean exists(ScopeId id, Change change, Target target) {
      return ChangeWriter.found(() -> scopeId(target, id));
    }

    private static String scopeId(Target target, ScopeId id) {
      ScopeRepresentation scope =
          authorization(target, id.realm(), id.clientId()).scopes().findByName(id.name());
      if (scope == null) {
        throw new Target.Absent("authorization scope " + id.path() + " not found");
      }
      return scope.getId();
    }
  }

  private static final class Resources implements ChangeWriter<ResourceEntryId> {
    @Override
    public Class<ResourceEntryId> idType() {
      return ResourceEntryId.class;
    }

    public void create(ResourceEntryId id, Change change, Target target) {
      created(
          authorization(target, id.realm(), id.clientId())
              .resources()
              .create(
                  Json.toRepresentation(withScopes(change.after()), ResourceRepresentation.class)));
    }

    public void update(ResourceEntryId id, Change change, Target target) {
      var resource =
          authorization(target, id.realm(), id.clientId())
              .resources()
              .resource(resourceId(target, id));
      resource.update(
          Json.overlay(
              resource.toRepresentation(),
              withScopes(change.after()),
              ResourceRepresentation.class));
    }

    public void delete(ResourceEntryId id, Change change, Target target) {
      authorization(target, id.realm(), id.clientId())
          .resources()
          .resource(resourceId(target, id))
          .remove();
    }

    @Override
    public boolean exists(ResourceEntryId id, Change change, Target target) {
      return ChangeWriter.found(() -> resourceId(target, id));
    }

    /** The plan holds scopes by name; Keycloak takes them as {@code [{name: ...}]}. */
    private static Map<String, Object> withScopes(Map<String, Object> fields) {
      if (!(fields.get("scopes") instanceof List<?> names)) {
        return fields;
      }
      Map<String, Object> copy = new LinkedHashMap<>(fields);
      copy.put("scopes", names.stream().map(n -> Map.of("name", String.valueOf(n))).toList());
      return copy;
    }

    private static String resourceId(Target target, ResourceEntryId id) {
      return authorization(target, id.realm(), id.clientId())
          .resources()
          .findByName(id.name())
          .stream()
          .filter(r -> id.name().equals(r.getName()))
          .map(ResourceRepresentation::getId)
          .findFirst()
          .orElseThrow(
              () -> new Target.Absent("authorization resource " + id.path() + " not found"));
    }
  }

  private static final class Policies implements ChangeWriter<PolicyId> {
    @Override
    public Class<PolicyId> idType() {
      return PolicyId.class;
    }

    public void create(PolicyId id, Change change, Target target) {
      created(
          authorization(target, id.realm(), id.clientId())
              .policies()
              .create(Json.toRepresentation(change.after(), PolicyRepresentation.class)));
    }

    public void update(PolicyId id, Change change, Target target) {
      var policy =
          authorization(target, id.realm(), id.clientId()).policies().policy(policyId(target, id));
      policy.update(
          Json.overlay(policy.toRepresentation(), change.after(), PolicyRepresentation.class));
    }

    public void delete(PolicyId id, Change change, Target target) {
      authorization(target, id.realm(), id.clientId())
          .policies()
          .policy(policyId(target, id))
          .remove();
    }

    @Override
    public boolean exists(PolicyId id, Change change, Target target) {
      return ChangeWriter.found(() -> policyId(target, id));
    }

    private static String policyId(Target target, PolicyId id) {
      PolicyRepresentation policy;
      try {
        policy = authorization(target, id.realm(), id.clientId()).policies().findByName(id.name());
      } catch (NotFoundException absent) {
        policy = null;
      }
      if (policy == null) {
        throw new Target.Absent("authorization policy " + id.path() + " not found");
      }
      return policy.getId();
    }
  }
}
