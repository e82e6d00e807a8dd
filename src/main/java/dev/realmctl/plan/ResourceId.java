package dev.realmctl.plan;

/**
 * The natural key of a managed resource. Plans carry natural keys only, never Keycloak's internal
 * ids, so a plan can be computed, printed and reviewed before anything exists. The ids of kinds
 * added on the one-place-per-kind design live in their planner's file.
 */
public interface ResourceId {

  String realm();

  Kind kind();

  /** Terraform-style address inside the realm, e.g. {@code clients/client-app}. */
  String path();

  /**
   * What two resources of a realm cannot both hold at once. Most resources hold only their own
   * place; a scope is either a default or an optional scope of a client, never both.
   */
  default Object place() {
    return this;
  }

  /**
   * How deep a resource stands within its kind: one that holds others of its kind (a group its
   * sub-groups) is created before them and deleted after them, so they never run side by side.
   */
  default int level() {
    return 0;
  }
}
