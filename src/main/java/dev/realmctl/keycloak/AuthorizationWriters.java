package dev.realmctl.keycloak;

import dev.realmctl.plan.AuthorizationPlanner.PolicyId;
import dev.realmctl.plan.AuthorizationPlanner.ResourceEntryId;
import dev.realmctl.plan.AuthorizationPlanner.ScopeId;
import dev.realmctl.plan.AuthorizationPlanner.SettingsId;
import dev.realmctl.plan.Change;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.admin.client.resource.AuthorizationResource;
import org.keycloak.representations.idm.authorization.PolicyRepresentation;
import org.keycloak.representations.idm.authorization.ResourceRepresentation;
import org.keycloak.representations.idm.authorization.ResourceServerRepresentation;
import org.keycloak.representations.idm.authorization.ScopeRepresentation;

/**
 * The writers of {@link AuthorizationEdge}: they send names, as the edge reads them (Keycloak's
 * import resolves them), and look ids up by name only for the updates and deletes that need them.
 */
final class AuthorizationWriters {
  private AuthorizationWriters() {}

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

  static final class Settings implements ChangeWriter<SettingsId> {
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

  static final class Scopes implements ChangeWriter<ScopeId> {
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

  static final class Resources implements ChangeWriter<ResourceEntryId> {
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

  static final class Policies implements ChangeWriter<PolicyId> {
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
