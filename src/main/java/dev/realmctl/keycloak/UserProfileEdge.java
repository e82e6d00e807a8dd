package dev.realmctl.keycloak;

import dev.realmctl.plan.Change;
import dev.realmctl.plan.Kind;
import dev.realmctl.plan.LiveRealm;
import dev.realmctl.plan.UserProfilePlanner;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.UserProfileSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.userprofile.config.UPConfig;

/**
 * The realm's user profile: one read when a spec declares it, one write. Exports always carry it:
 * Keycloak serves its built-in default for a realm whose profile nobody changed and shows no stored
 * profile through the components endpoint even after a change (measured on 26.7.3), so telling
 * "default" from "customised" would take a fresh realm, a write an export must not make. Exported
 * always, the profile plans empty against the realm it came from, and pins it where it is applied.
 */
final class UserProfileEdge implements KindEdge {

  @Override
  public Map<Kind, ChangeWriter<?>> writers() {
    return Map.of(Kind.USER_PROFILE, new Writer());
  }

  @Override
  public LiveRealm read(RealmSpec spec, RealmRead read, LiveRealm live) {
    RealmResource realm = read.realm();
    RealmIds ids = read.ids();
    if (!spec.declares(UserProfileSpec.SECTION) && !spec.declares(UserProfileSpec.COMPONENTS)) {
      return live;
    }
    return live.with(
        UserProfilePlanner.LIVE,
        Optional.of(Json.toMap(realm.users().userProfile().getConfiguration())));
  }

  @Override
  public void export(String realm, LiveRealm live, Map<String, Object> spec, List<String> notes) {
    live.part(UserProfilePlanner.LIVE).ifPresent(profile -> spec.put("userProfile", profile));
  }

  private static final class Writer implements ChangeWriter<UserProfilePlanner.Id> {
    @Override
    public Class<UserProfilePlanner.Id> idType() {
      return UserProfilePlanner.Id.class;
    }

    public void create(UserProfilePlanner.Id id, Change change, Target target) {
      throw new UnsupportedOperationException("a realm always has a user profile: it is updated");
    }

    /** The fields that changed, laid over the profile as Keycloak has it, written whole. */
    public void update(UserProfilePlanner.Id id, Change change, Target target) {
      var profile = target.realm(id.realm()).users().userProfile();
      profile.update(Json.overlay(profile.getConfiguration(), change.after(), UPConfig.class));
    }

    public void delete(UserProfilePlanner.Id id, Change change, Target target) {
      throw new UnsupportedOperationException("a realm always has a user profile: it is updated");
    }
  }
}
