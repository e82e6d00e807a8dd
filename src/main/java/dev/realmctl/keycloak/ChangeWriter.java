package dev.realmctl.keycloak;

import dev.realmctl.plan.Change;
import dev.realmctl.plan.ResourceId;
import jakarta.ws.rs.NotFoundException;

/**
 * Writes one kind of change to Keycloak: the I/O edge of a resource kind, with no decisions left to
 * make. Each method does exactly what the change says, to the resource its id names; the id comes
 * typed from {@link TypedChange}, so no writer casts {@code change.id()}.
 */
interface ChangeWriter<I extends ResourceId> {

  /** The id the planner of this writer's kind puts in its changes. */
  Class<I> idType();

  void create(I id, Change change, Target target);

  void update(I id, Change change, Target target);

  void delete(I id, Change change, Target target);

  /**
   * Whether what this create makes is in Keycloak already, looked up by its natural key. Asked only
   * after Keycloak answered the create with 409, to tell a create that took effect (an answer lost
   * to a timeout, a concurrent apply of the same spec) from a real conflict. Links and role
   * mappings never conflict: adding one twice is harmless.
   */
  default boolean exists(I id, Change change, Target target) {
    return false;
  }

  /** Runs a lookup that fails when the resource is absent. */
  static boolean found(Runnable lookup) {
    try {
      lookup.run();
      return true;
    } catch (Target.Absent | NotFoundException absent) {
      return false;
    }
  }
}
