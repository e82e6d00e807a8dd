package dev.realmctl.plan;

import dev.realmctl.plan.AuthorizationDesired.Depths;
import dev.realmctl.plan.AuthorizationPlanner.Live;
import dev.realmctl.plan.AuthorizationPlanner.PolicyId;
import dev.realmctl.plan.AuthorizationPlanner.ResourceEntryId;
import dev.realmctl.plan.AuthorizationPlanner.ScopeId;
import dev.realmctl.plan.AuthorizationPlanner.SettingsId;
import dev.realmctl.spec.AuthorizationSpec;
import dev.realmctl.spec.AuthorizationSpec.Policy;
import dev.realmctl.spec.AuthorizationSpec.Resource;
import dev.realmctl.spec.AuthorizationSpec.Scope;
import dev.realmctl.spec.Origin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A client's declared authorization against what {@code exportSettings} wrote, pure: each entry is
 * created when missing, else its declared fields are compared with the exported ones.
 */
final class AuthorizationDiff {
  private AuthorizationDiff() {}

  /**
   * The resource server's own fields, when any are declared. Enabling authorization makes the
   * resource server: the fields of one not read yet are laid over its defaults.
   */
  static Diff settings(String realm, AuthorizationSpec authz, boolean read, Live have) {
    if (authz.fields().isEmpty()) {
      return Diff.NONE;
    }
    var id = new SettingsId(realm, authz.clientId());
    return read
        ? Diff.update(id, FieldDiff.between(authz.fields(), have.settings()), authz.origin())
        : Diff.change(Change.create(id, authz.fields()).at(authz.origin()));
  }

  static Diff scopes(String realm, AuthorizationSpec authz, Live have) {
    Diff diff = Diff.NONE;
    for (Scope scope : authz.scopes()) {
      var id = new ScopeId(realm, authz.clientId(), scope.name());
      Map<String, Object> existing = have.scopes().get(scope.name());
      diff =
          diff.plus(
              existing == null
                  ? create(id, scope.name(), scope.fields(), scope.origin())
                  : Diff.update(id, FieldDiff.between(scope.fields(), existing), scope.origin()));
    }
    return diff;
  }

  static Diff resources(String realm, AuthorizationSpec authz, Live have) {
    Diff diff = Diff.NONE;
    for (Resource resource : authz.resources()) {
      var id = new ResourceEntryId(realm, authz.clientId(), resource.name());
      diff =
          diff.plus(
              entry(
                  id,
                  resource.name(),
                  AuthorizationDesired.resource(resource),
                  have.resources().get(resource.name()),
                  resource.origin()));
    }
    return diff;
  }

  static Diff policies(String realm, AuthorizationSpec authz, Live have, Depths depths) {
    Diff diff = Diff.NONE;
    for (Policy policy : authz.policies()) {
      var id = new PolicyId(realm, authz.clientId(), policy.name(), depths.of(policy.name()));
      diff =
          diff.plus(
              entry(
                  id,
                  policy.name(),
                  AuthorizationDesired.policy(policy),
                  have.policies().get(policy.name()),
                  policy.origin()));
    }
    return diff;
  }

  private static Diff entry(
      ResourceId id,
      String name,
      Map<String, Object> want,
      Map<String, Object> existing,
      Origin origin) {
    return existing == null
        ? create(id, name, want, origin)
        : Diff.update(id, FieldDiff.between(want, comparable(existing)), origin);
  }

  private static Diff create(
      ResourceId id, String name, Map<String, Object> fields, Origin origin) {
    return Diff.change(Change.create(id, AuthorizationDesired.named(name, fields)).at(origin));
  }

  /**
   * An exported resource or policy in the form the spec compares: scopes by name, config lists in
   * one canonical text.
   */
  static Map<String, Object> comparable(Map<String, Object> exported) {
    Map<String, Object> fields = new LinkedHashMap<>(exported);
    if (fields.get("scopes") instanceof List<?> scopes) {
      fields.put("scopes", scopeNames(scopes));
    }
    if (fields.get("config") instanceof Map<?, ?> config) {
      Map<String, Object> strings = new LinkedHashMap<>();
      config.forEach((k, v) -> strings.put(String.valueOf(k), v));
      fields.put("config", AuthorizationDesired.canonical(strings));
    }
    return fields;
  }

  static List<String> scopeNames(List<?> scopes) {
    List<String> names = new ArrayList<>();
    for (Object scope : scopes) {
      names.add(
          scope instanceof Map<?, ?> map ? String.valueOf(map.get("name")) : String.valueOf(scope));
    }
    return names;
  }
}
