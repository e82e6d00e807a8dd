package dev.realmctl.keycloak;

import dev.realmctl.plan.Change;
import dev.realmctl.plan.Kind;
import dev.realmctl.plan.LiveRealm;
import dev.realmctl.plan.RealmDefaultScopePlanner;
import dev.realmctl.plan.RealmDefaultScopePlanner.Id;
import dev.realmctl.plan.RealmDefaultScopePlanner.Live;
import dev.realmctl.spec.RealmDefaultScopeSpec;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.version.VersionBehaviour;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientScopeRepresentation;

/**
 * The realm's default client scopes, through {@code /default-default-client-scopes/{id}} and {@code
 * /default-optional-client-scopes/{id}}: PUT realm ignores both lists. Two requests read them; none
 * when the spec declares neither.
 */
final class RealmDefaultScopeEdge implements KindEdge {

  @Override
  public Map<Kind, ChangeWriter<?>> writers() {
    return Map.of(Kind.REALM_DEFAULT_SCOPE, new Writer());
  }

  @Override
  public LiveRealm read(RealmSpec spec, RealmRead read, LiveRealm live) {
    RealmResource realm = read.realm();
    RealmIds ids = read.ids();
    if (!spec.declares(RealmDefaultScopeSpec.DEFAULTS)
        && !spec.declares(RealmDefaultScopeSpec.OPTIONALS)) {
      return live;
    }
    return live.with(
        RealmDefaultScopePlanner.LIVE,
        new Live(
            names(realm.getDefaultDefaultClientScopes()),
            names(realm.getDefaultOptionalClientScopes())));
  }

  private static Set<String> names(List<ClientScopeRepresentation> scopes) {
    return scopes.stream().map(ClientScopeRepresentation::getName).collect(Collectors.toSet());
  }

  /**
   * Each list written whole, as Keycloak has it, unless it is what a new realm of this server's
   * version has: a realm's defaults differ by version (the {@code basic} scope since 25), so only
   * the version itself tells which lists are Keycloak's own.
   */
  @Override
  public void export(
      String realm,
      LiveRealm live,
      VersionBehaviour behaviour,
      Map<String, Object> spec,
      List<String> notes) {
    Live have = live.part(RealmDefaultScopePlanner.LIVE);
    if (!have.defaults().equals(behaviour.realmDefaultScopesOfNewRealm(false))) {
      spec.put("defaultDefaultClientScopes", have.defaults().stream().sorted().toList());
    }
    if (!have.optionals().equals(behaviour.realmDefaultScopesOfNewRealm(true))) {
      spec.put("defaultOptionalClientScopes", have.optionals().stream().sorted().toList());
    }
  }

  /**
   * Makes the live list equal to the declared one: adds what is missing (taking it out of the other
   * list first, where Keycloak would refuse it as a duplicate) and removes what is not declared.
   */
  private static final class Writer implements ChangeWriter<Id> {
    @Override
    public Class<Id> idType() {
      return Id.class;
    }

    public void create(Id id, Change change, Target target) {
      converge(id, change, target);
    }

    public void update(Id id, Change change, Target target) {
      converge(id, change, target);
    }

    public void delete(Id id, Change change, Target target) {
      throw new UnsupportedOperationException("a realm's default scope lists are never deleted");
    }

    /** After a refused write: whether the list is already what the change wanted. */
    @Override
    public boolean exists(Id id, Change change, Target target) {
      return names(list(target.realm(id.realm()), id.optional())).equals(wanted(id, change));
    }

    private static Set<String> wanted(Id id, Change change) {
      Set<String> wanted = new java.util.TreeSet<>();
      if (change.after().get(id.field()) instanceof List<?> names) {
        names.forEach(name -> wanted.add(String.valueOf(name)));
      }
      return wanted;
    }

    /**
     * One list at a time: apply runs a kind's changes side by side, and Keycloak keeps both lists
     * in one table, so removing a scope from one list removes it from the other. A scope moved from
     * optional to default ({@code phone} in the corpus' identity realm) was added to the default
     * list by one change and removed again by the optional list's change, read before.
     */
    private static synchronized void converge(Id id, Change change, Target target) {
      var realm = target.realm(id.realm());
      Set<String> wanted = wanted(id, change);
      Map<String, String> ids =
          realm.clientScopes().findAll().stream()
              .collect(
                  Collectors.toMap(
                      ClientScopeRepresentation::getName, ClientScopeRepresentation::getId));
      Set<String> have = names(list(realm, id.optional()));
      Set<String> other = names(list(realm, !id.optional()));
      for (String name : wanted) {
        if (have.contains(name)) {
          continue;
        }
        String scopeId = ids.get(name);
        if (scopeId == null) {
          throw new Target.Absent("client scope " + name + " not found");
        }
        if (other.contains(name)) {
          remove(realm, !id.optional(), scopeId);
        }
        add(realm, id.optional(), scopeId);
      }
      for (String name : have) {
        if (!wanted.contains(name)) {
          remove(realm, id.optional(), ids.get(name));
        }
      }
    }

    private static List<ClientScopeRepresentation> list(RealmResource realm, boolean optional) {
      return optional
          ? realm.getDefaultOptionalClientScopes()
          : realm.getDefaultDefaultClientScopes();
    }

    private static void add(RealmResource realm, boolean optional, String scopeId) {
      if (optional) {
        realm.addDefaultOptionalClientScope(scopeId);
      } else {
        realm.addDefaultDefaultClientScope(scopeId);
      }
    }

    private static void remove(RealmResource realm, boolean optional, String scopeId) {
      if (optional) {
        realm.removeDefaultOptionalClientScope(scopeId);
      } else {
        realm.removeDefaultDefaultClientScope(scopeId);
      }
    }
  }
}
