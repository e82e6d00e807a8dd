package dev.realmctl.plan;

import dev.realmctl.spec.RealmSpec;
import java.util.Optional;
import java.util.Set;

/**
 * What realmctl records as its own of one kind of resource, and how {@code --prune} removes it.
 * Only what a spec once declared is ever recorded; Keycloak's built-ins never are, and {@link
 * #delete} refuses them again should a record say otherwise.
 */
interface Owned {

  /** The key in the ownership record: {@code clients}, {@code identityProviders}. */
  String key();

  /** The names the spec declares. */
  Set<String> declared(RealmSpec spec);

  /** The names that exist in the live realm, among those the live read looked at. */
  Set<String> live(LiveRealm live);

  /**
   * The name this kind records for what the change with this id creates, if the id is one of this
   * kind's. It lets an apply that fails part-way still record what it created; a kind that does not
   * say leaves its creates to the next apply's record.
   */
  default Optional<String> recordedName(ResourceId id) {
    return Optional.empty();
  }

  /**
   * The delete of one owned resource the spec no longer declares, or none when it is Keycloak's own
   * or goes with something else the prune removes.
   */
  Optional<Change> delete(String realm, String name, LiveRealm live, Pruning pruning);

  /** What the prune removes, by ownership key, for kinds whose resources go with a parent. */
  record Pruning(Ownership recorded, Ownership declared) {
    public Set<String> gone(String key) {
      Set<String> gone = new java.util.TreeSet<>(recorded.of(key));
      gone.removeAll(declared.of(key));
      return gone;
    }
  }
}
