package dev.realmctl.plan;

import java.util.Set;

/**
 * Kinds of resource realmctl manages, each with the kinds it depends on. Apply order comes from
 * those dependencies ({@link ApplyOrder}), never from the order of declaration.
 */
public enum Kind {
  REALM,
  CLIENT_SCOPE,
  CLIENT,
  ROLE,
  ROLE_COMPOSITE,
  PROTOCOL_MAPPER,
  SCOPE_LINK,
  GROUP,
  USER,
  ROLE_MAPPING,
  MEMBERSHIP,
  AUTH_FLOW,
  FLOW_STEP,
  FLOW_BINDING,
  IDENTITY_PROVIDER,
  IDENTITY_PROVIDER_MAPPER,
  FEDERATED_IDENTITY,
  LOCALIZATION,
  REALM_DEFAULT_SCOPE,
  REQUIRED_ACTION,
  COMPONENT,
  SUB_COMPONENT,
  ORGANIZATION,
  ORGANIZATION_IDENTITY_PROVIDER,
  ORGANIZATION_MEMBER,
  USER_PROFILE,
  AUTHZ_SETTINGS,
  AUTHZ_SCOPE,
  AUTHZ_RESOURCE,
  AUTHZ_POLICY,
  ADMIN_PERMISSION,
  OWNERSHIP;

  /** What must exist before a resource of this kind is created, and outlive it when deleted. */
  public Set<Kind> dependsOn() {
    return switch (this) {
      case REALM -> Set.of();
      case CLIENT_SCOPE, GROUP -> Set.of(REALM);
      // A new client is created whole, with its default and optional scope lists.
      case CLIENT -> Set.of(REALM, CLIENT_SCOPE);
      case ROLE -> Set.of(CLIENT);
      case ROLE_COMPOSITE -> Set.of(ROLE);
      case PROTOCOL_MAPPER, SCOPE_LINK -> Set.of(CLIENT, CLIENT_SCOPE);
      // A service-account user is its client's; a user's attributes must be in the profile first.
      case USER -> Set.of(CLIENT, USER_PROFILE);
      case ROLE_MAPPING -> Set.of(ROLE, USER, GROUP, CLIENT, CLIENT_SCOPE);
      case MEMBERSHIP -> Set.of(USER, GROUP);
      case AUTH_FLOW, FLOW_STEP -> Set.of(REALM);
      // Bindings name flows that must exist first, on clients that must exist first.
      case FLOW_BINDING -> Set.of(AUTH_FLOW, CLIENT);
      // An identity provider names its first- and post-broker-login flows.
      case IDENTITY_PROVIDER -> Set.of(REALM, AUTH_FLOW);
      case IDENTITY_PROVIDER_MAPPER -> Set.of(IDENTITY_PROVIDER);
      case FEDERATED_IDENTITY -> Set.of(USER, IDENTITY_PROVIDER);
      case LOCALIZATION -> Set.of(REALM);
      case REALM_DEFAULT_SCOPE -> Set.of(REALM, CLIENT_SCOPE);
      case REQUIRED_ACTION, COMPONENT -> Set.of(REALM);
      // An LDAP provider's mappers are made after it and removed before it.
      case SUB_COMPONENT -> Set.of(COMPONENT);
      // The realm's organizationsEnabled must be on before the first organization is made.
      case ORGANIZATION -> Set.of(REALM);
      case ORGANIZATION_IDENTITY_PROVIDER -> Set.of(ORGANIZATION, IDENTITY_PROVIDER);
      case ORGANIZATION_MEMBER -> Set.of(ORGANIZATION, USER);
      case USER_PROFILE -> Set.of(REALM);
      // A client's resource server comes with its authorizationServicesEnabled.
      case AUTHZ_SETTINGS -> Set.of(CLIENT);
      case AUTHZ_SCOPE -> Set.of(CLIENT, AUTHZ_SETTINGS);
      case AUTHZ_RESOURCE -> Set.of(AUTHZ_SCOPE);
      // Policies name resources, scopes, and the realm's roles, groups, users and clients.
      case AUTHZ_POLICY -> Set.of(AUTHZ_RESOURCE, AUTHZ_SCOPE, ROLE, GROUP, USER, CLIENT);
      // The realm's adminPermissionsEnabled makes the client they live in; they name the realm's
      // users, clients, groups and roles.
      case ADMIN_PERMISSION -> Set.of(REALM, CLIENT, ROLE, GROUP, USER);
      case OWNERSHIP -> Set.of(REALM);
    };
  }

  /**
   * Whether resources of this kind record what the rest of an apply did, and so are written after
   * it: a prune's deletions leave the ownership record only once they are done.
   */
  public boolean recordsApply() {
    return this == OWNERSHIP;
  }

  /** How many kinds stand beneath this one on its longest chain of dependencies. */
  int depth() {
    return dependsOn().stream().mapToInt(k -> k.depth() + 1).max().orElse(0);
  }
}
