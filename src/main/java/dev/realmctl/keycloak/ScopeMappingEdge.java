package dev.realmctl.keycloak;

import dev.realmctl.plan.Builtins;
import dev.realmctl.plan.Kind;
import dev.realmctl.plan.LiveRealm;
import dev.realmctl.plan.RoleMappingPlanner;
import dev.realmctl.plan.RoleMappingPlanner.Subject;
import dev.realmctl.plan.ScopeMappingPlanner;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.ScopeMappingSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.ScopeMappingRepresentation;

/**
 * The roles clients and client scopes may put into tokens, from the realm's partial export (its
 * {@code scopeMappings} and {@code clientScopeMappings}): the admin API takes a request per holder.
 * Written as role mappings of their holder.
 */
final class ScopeMappingEdge implements KindEdge {

  @Override
  public Map<Kind, ChangeWriter<?>> writers() {
    return Map.of();
  }

  /**
   * Role mappings whose holder is a client or client scope; {@link RoleMappingEdge} writes them.
   */
  @Override
  public Set<Kind> kinds() {
    return Set.of(Kind.ROLE_MAPPING);
  }

  /** Which holders exist: the ids of clients and client scopes. */
  @Override
  public Set<Kind> readsAfter() {
    return Set.of(Kind.CLIENT, Kind.CLIENT_SCOPE);
  }

  /** Each holder the spec's scope mappings name, when it exists; an empty scope is read too. */
  @Override
  public LiveRealm read(RealmSpec spec, RealmRead read, LiveRealm live) {
    if (spec.of(ScopeMappingSpec.SECTION).isEmpty()) {
      return live;
    }
    Map<Subject, ScopeMappingPlanner.RoleScope> all = all(read.export());
    Map<Subject, ScopeMappingPlanner.RoleScope> result = new HashMap<>();
    for (ScopeMappingSpec mapping : spec.of(ScopeMappingSpec.SECTION)) {
      Subject subject = Subject.of(mapping);
      boolean exists =
          mapping.client().map(read.ids().clients::containsKey).orElse(false)
              || mapping.clientScope().map(read.ids().scopes::containsKey).orElse(false);
      if (exists) {
        result.put(subject, all.getOrDefault(subject, ScopeMappingPlanner.RoleScope.NONE));
      }
    }
    return live.with(ScopeMappingPlanner.LIVE, result);
  }

  @Override
  public LiveRealm readAll(String name, RealmRead read, LiveRealm live) {
    return live.with(ScopeMappingPlanner.LIVE, all(read.export()));
  }

  private static Map<Subject, ScopeMappingPlanner.RoleScope> all(RealmRepresentation export) {
    Map<Subject, Set<String>> realmRoles = new HashMap<>();
    Map<Subject, Map<String, Set<String>>> clientRoles = new HashMap<>();
    if (export.getScopeMappings() != null) {
      for (ScopeMappingRepresentation mapping : export.getScopeMappings()) {
        realmRoles.computeIfAbsent(holder(mapping), s -> new HashSet<>()).addAll(roles(mapping));
      }
    }
    if (export.getClientScopeMappings() != null) {
      export
          .getClientScopeMappings()
          .forEach(
              (roleClient, mappings) -> {
                for (ScopeMappingRepresentation mapping : mappings) {
                  clientRoles
                      .computeIfAbsent(holder(mapping), s -> new HashMap<>())
                      .computeIfAbsent(roleClient, c -> new HashSet<>())
                      .addAll(roles(mapping));
                }
              });
    }
    Map<Subject, ScopeMappingPlanner.RoleScope> result = new HashMap<>();
    Set<Subject> holders = new HashSet<>(realmRoles.keySet());
    holders.addAll(clientRoles.keySet());
    holders.forEach(
        holder ->
            result.put(
                holder,
                new ScopeMappingPlanner.RoleScope(
                    realmRoles.getOrDefault(holder, Set.of()),
                    clientRoles.getOrDefault(holder, Map.of()))));
    return result;
  }

  private static Subject holder(ScopeMappingRepresentation mapping) {
    return mapping.getClient() != null
        ? Subject.client(mapping.getClient())
        : Subject.clientScope(mapping.getClientScope());
  }

  private static Set<String> roles(ScopeMappingRepresentation mapping) {
    return mapping.getRoles() == null ? Set.of() : mapping.getRoles();
  }

  /** As Keycloak's export writes them, by holder: clients first, then client scopes. */
  @Override
  public void export(String realm, LiveRealm live, Map<String, Object> spec, List<String> notes) {
    List<Map<String, Object>> realmRoles = new ArrayList<>();
    Map<String, List<Map<String, Object>>> clientRoles = new TreeMap<>();
    for (RoleMappingPlanner.Holder kind :
        List.of(RoleMappingPlanner.Holder.CLIENT, RoleMappingPlanner.Holder.CLIENT_SCOPE)) {
      Map<String, ScopeMappingPlanner.RoleScope> byName = new TreeMap<>();
      live.part(ScopeMappingPlanner.LIVE)
          .forEach(
              (subject, scope) -> {
                if (subject.holder() == kind && exported(subject)) {
                  byName.put(subject.name(), scope);
                }
              });
      String key = kind == RoleMappingPlanner.Holder.CLIENT ? "client" : "clientScope";
      byName.forEach(
          (holder, scope) -> {
            if (!scope.realmRoles().isEmpty()) {
              realmRoles.add(entry(key, holder, scope.realmRoles()));
            }
            new TreeMap<>(scope.clientRoles())
                .forEach(
                    (roleClient, roles) -> {
                      if (!roles.isEmpty()) {
                        clientRoles
                            .computeIfAbsent(roleClient, c -> new ArrayList<>())
                            .add(entry(key, holder, roles));
                      }
                    });
          });
    }
    if (!realmRoles.isEmpty()) {
      spec.put("scopeMappings", realmRoles);
    }
    if (!clientRoles.isEmpty()) {
      spec.put("clientScopeMappings", clientRoles);
    }
  }

  private static boolean exported(Subject subject) {
    return subject.holder() == RoleMappingPlanner.Holder.CLIENT
        ? !Builtins.CLIENTS.contains(subject.name())
        : !Builtins.clientScope(subject.name());
  }

  private static Map<String, Object> entry(String key, String holder, Set<String> roles) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(key, holder);
    out.put("roles", roles.stream().sorted().toList());
    return out;
  }
}
