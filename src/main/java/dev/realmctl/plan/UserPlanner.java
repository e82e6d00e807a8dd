package dev.realmctl.plan;

import dev.realmctl.plan.RoleMappingPlanner.Subject;
import dev.realmctl.spec.ClientSpec;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.UserSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Users, their role mappings and group memberships. A password is part of the create only: Keycloak
 * never returns one, so there is nothing to compare it with afterwards.
 */
public final class UserPlanner implements ResourcePlanner {

  public record Live(
      Map<String, Object> fields,
      Set<String> realmRoles,
      Map<String, Set<String>> clientRoles,
      Set<String> groups) {}

  public record Id(String realm, String username, Optional<String> serviceAccountOf)
      implements ResourceId {
    public Kind kind() {
      return Kind.USER;
    }

    public String path() {
      return "users/" + username;
    }
  }

  /** A user's membership of a group, the group by its path as in {@link Group}. */
  public record MembershipId(String realm, String username, String group) implements ResourceId {
    public Kind kind() {
      return Kind.MEMBERSHIP;
    }

    public String path() {
      return "users/" + username + "/groups/" + group;
    }
  }

  /** Users by username; their role mappings and groups as far as the spec declares them. */
  public static final LivePart<Map<String, Live>> LIVE = new LivePart<>("users", Map.of());

  @Override
  public void plan(RealmSpec spec, LiveRealm live, PlanBuilder out) {
    References references = new References(spec, live, out);
    for (UserSpec user : spec.of(UserSpec.SECTION)) {
      Live existing = live.part(LIVE).get(user.username());
      if (user.isServiceAccount()) {
        checkServiceAccount(user, live, references, out);
      } else {
        var id = new Id(spec.realm(), user.username(), user.serviceAccountClientId());
        if (existing == null) {
          out.add(Change.create(id, representation(user)).at(user.origin()));
        } else {
          out.updateOrCount(id, FieldDiff.between(user.fields(), existing.fields()), user.origin());
        }
      }
      Subject subject = Subject.user(user.username(), user.serviceAccountClientId());
      RoleMappingPlanner.plan(
          spec.realm(),
          subject,
          user.realmRoles(),
          user.clientRoles(),
          existing == null ? Set.of() : existing.realmRoles(),
          existing == null ? Map.of() : existing.clientRoles(),
          user.origin(),
          references,
          out);
      user.groups()
          .ifPresent(
              want -> {
                references.groups(want, user.origin().child("groups"));
                memberships(
                    spec.realm(),
                    user.username(),
                    want.stream()
                        .map(GroupPlanner.Id::key)
                        .collect(Collectors.toCollection(java.util.LinkedHashSet::new)),
                    existing == null ? Set.of() : existing.groups(),
                    out);
              });
    }
  }

  private static void checkServiceAccount(
      UserSpec user, LiveRealm live, References references, PlanBuilder out) {
    String clientId = user.serviceAccountClientId().orElseThrow();
    boolean enabledInSpec =
        references.declaredClient(clientId).map(ClientSpec::serviceAccountsEnabled).orElse(false);
    boolean enabledLive =
        live.part(ClientPlanner.LIVE).containsKey(clientId)
            && Boolean.TRUE.equals(
                live.part(ClientPlanner.LIVE).get(clientId).fields().get("serviceAccountsEnabled"));
    if (!enabledInSpec && !enabledLive) {
      out.problems.error(
          user.origin().at("serviceAccountClientId"),
          "client '"
              + clientId
              + "' has no service account: set serviceAccountsEnabled: true on it");
    }
  }

  private static Map<String, Object> representation(UserSpec user) {
    Map<String, Object> rep = new LinkedHashMap<>();
    rep.put("username", user.username());
    rep.put("enabled", true);
    rep.putAll(user.fields());
    if (!user.credentials().isEmpty()) {
      rep.put("credentials", user.credentials());
    }
    return rep;
  }

  private static void memberships(
      String realm, String username, Set<String> want, Set<String> have, PlanBuilder out) {
    for (String group : want) {
      if (have.contains(group)) {
        out.unchanged++;
      } else {
        out.add(Change.create(new MembershipId(realm, username, group), Map.of("group", group)));
      }
    }
    for (String group : have) {
      if (!want.contains(group)) {
        out.add(Change.delete(new MembershipId(realm, username, group), Map.of("group", group)));
      }
    }
  }

  @Override
  public List<Owned> owned() {
    return List.of(new Users());
  }

  /** Service-account users are their client's, never recorded on their own. */
  private static final class Users implements Owned {
    @Override
    public Optional<String> recordedName(ResourceId id) {
      return id instanceof Id user && user.serviceAccountOf().isEmpty()
          ? Optional.of(user.username())
          : Optional.empty();
    }

    public String key() {
      return Ownership.USERS;
    }

    public Set<String> declared(RealmSpec spec) {
      return spec.of(UserSpec.SECTION).stream()
          .filter(user -> !user.isServiceAccount())
          .map(UserSpec::username)
          .collect(Collectors.toSet());
    }

    public Set<String> live(LiveRealm live) {
      return live.part(LIVE).keySet();
    }

    public Optional<Change> delete(String realm, String user, LiveRealm live, Pruning pruning) {
      return Optional.of(
          Change.delete(new Id(realm, user, Optional.empty()), live.part(LIVE).get(user).fields()));
    }
  }
}
