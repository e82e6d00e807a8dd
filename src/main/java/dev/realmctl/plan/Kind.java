package dev.realmctl.plan;

/**
 * Kinds of resource realmctl manages. The declaration order is the order apply creates and updates
 * them in (a client before its roles, users before their role mappings); deletes run in reverse.
 */
public enum Kind {
  REALM,
  CLIENT_SCOPE,
  CLIENT,
  ROLE,
  PROTOCOL_MAPPER,
  SCOPE_LINK,
  GROUP,
  USER,
  ROLE_MAPPING,
  MEMBERSHIP
}
