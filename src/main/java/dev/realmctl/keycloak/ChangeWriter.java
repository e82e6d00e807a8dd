package dev.realmctl.keycloak;

import dev.realmctl.plan.Change;

/**
 * Writes one kind of change to Keycloak: the I/O edge of a resource kind, with no decisions left to
 * make. Each method does exactly what the change says.
 */
interface ChangeWriter {

  void create(Change change, Target target);

  void update(Change change, Target target);

  void delete(Change change, Target target);
}
