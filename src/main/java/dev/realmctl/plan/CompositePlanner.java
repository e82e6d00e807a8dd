package dev.realmctl.plan;

import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.RoleSpec;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The roles a composite role holds. A declared {@code composites} is the exact set; a role that
 * declares none is left as Keycloak has it. Each held role is its own link, so a role moved from
 * one composite to another is added before it is taken away.
 */
public final class CompositePlanner implements ResourcePlanner {

  /**
   * {@code role} holds {@code member}; each is a realm role or, with a client id, a client role.
   */
  public record Id(
      String realm,
      Optional<String> clientId,
      String role,
      Optional<String> memberClientId,
      String member)
      implements ResourceId {
    public Kind kind() {
      return Kind.ROLE_COMPOSITE;
    }

    public String path() {
      return clientId.map(c -> "roles/client/" + c + "/").orElse("roles/realm/")
          + role
          + memberClientId.map(c -> "/composites/client/" + c + "/").orElse("/composites/realm/")
          + member;
    }
  }

  /** What each composite role the read looked at holds, by role key ({@link RoleSpec#key()}). */
  public static final LivePart<Map<String, ScopeMappingPlanner.RoleScope>> LIVE =
      new LivePart<>("composites", Map.of());

  @Override
  public void plan(RealmSpec spec, LiveRealm live, PlanBuilder out) {
    References references = new References(spec, live, out);
    Map<String, ScopeMappingPlanner.RoleScope> existing = live.part(LIVE);
    for (RoleSpec role : spec.of(RoleSpec.SECTION)) {
      if (role.composites().isEmpty()) {
        continue;
      }
      RoleSpec.Composites want = role.composites().get();
      var compositesOrigin = role.origin().child("composites");
      references.roles(Optional.empty(), want.realm(), compositesOrigin.child("realm"));
      want.client()
          .forEach(
              (client, names) ->
                  references.roles(
                      Optional.of(client), names, compositesOrigin.child("client").child(client)));
      if (!out.realmExists
          && role.clientId().isPresent()
          && Builtins.clientRole(out.keycloak, role.clientId().get(), role.name())) {
        // A built-in client's role (realm-management's realm-admin, view-users, ...) gets its
        // composites from Keycloak with the realm, and Keycloak refuses to change them (HTTP 403).
        out.unchanged += want.realm().size();
        want.client().values().forEach(names -> out.unchanged += names.size());
        continue;
      }
      ScopeMappingPlanner.RoleScope have =
          existing.getOrDefault(role.key(), ScopeMappingPlanner.RoleScope.NONE);
      links(spec.realm(), role, Optional.empty(), want.realm(), have.realmRoles(), out);
      Set<String> clients = new java.util.TreeSet<>(want.client().keySet());
      clients.addAll(have.clientRoles().keySet());
      for (String client : clients) {
        links(
            spec.realm(),
            role,
            Optional.of(client),
            want.client().getOrDefault(client, Set.of()),
            have.clientRoles().getOrDefault(client, Set.of()),
            out);
      }
    }
  }

  private static void links(
      String realm,
      RoleSpec role,
      Optional<String> memberClient,
      Set<String> want,
      Set<String> have,
      PlanBuilder out) {
    for (String member : new java.util.TreeSet<>(want)) {
      var id = new Id(realm, role.clientId(), role.name(), memberClient, member);
      if (have.contains(member)) {
        out.unchanged++;
      } else {
        out.add(Change.create(id, Map.of()).at(role.origin()));
      }
    }
    for (String member : new java.util.TreeSet<>(have)) {
      if (!want.contains(member)) {
        var id = new Id(realm, role.clientId(), role.name(), memberClient, member);
        out.add(Change.delete(id, Map.of()).at(role.origin()));
      }
    }
  }
}
