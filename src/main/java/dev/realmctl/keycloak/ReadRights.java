package dev.realmctl.keycloak;

import jakarta.ws.rs.WebApplicationException;
import java.util.Map;
import java.util.Optional;

/**
 * The role a read of each kind needs, as docs/security.md lists them: a plan whose credential
 * cannot read a kind stops and says which role to grant, rather than planning from a partial view.
 */
public final class ReadRights {
  private ReadRights() {}

  /** What one kind's read covers, and the realm-management role that lets it read. */
  record Need(String what, String role) {}

  private static final Need REALM = new Need("the realm's settings", "view-realm");

  private static final Map<Class<? extends KindEdge>, Need> BY_EDGE =
      Map.ofEntries(
          Map.entry(RealmEdge.class, REALM),
          Map.entry(OwnershipEdge.class, REALM),
          Map.entry(ClientScopeEdge.class, new Need("client scopes", "view-clients")),
          Map.entry(ClientEdge.class, new Need("clients", "view-clients")),
          Map.entry(ProtocolMapperEdge.class, new Need("protocol mappers", "view-clients")),
          Map.entry(ScopeMappingEdge.class, new Need("scope mappings", "view-clients")),
          Map.entry(RoleEdge.class, new Need("roles", "view-realm")),
          Map.entry(CompositeEdge.class, new Need("composite roles", "view-realm")),
          Map.entry(GroupEdge.class, new Need("groups", "view-users")),
          Map.entry(UserEdge.class, new Need("users", "view-users")),
          Map.entry(RoleMappingEdge.class, new Need("role mappings", "view-users")),
          Map.entry(
              FederatedIdentityEdge.class,
              new Need("users' identity provider links", "view-users")),
          Map.entry(FlowEdge.class, new Need("authentication flows", "view-realm")),
          Map.entry(
              IdentityProviderEdge.class,
              new Need("identity providers", "view-identity-providers")),
          Map.entry(LocalizationEdge.class, new Need("localization texts", "view-realm")),
          Map.entry(RealmDefaultScopeEdge.class, new Need("default client scopes", "view-realm")),
          Map.entry(RequiredActionEdge.class, new Need("required actions", "view-realm")),
          Map.entry(ComponentEdge.class, new Need("components", "view-realm")),
          Map.entry(OrganizationEdge.class, new Need("organizations", "view-realm")),
          Map.entry(UserProfileEdge.class, new Need("the user profile", "view-realm")),
          Map.entry(
              AuthorizationEdge.class,
              new Need("clients' authorization settings", "view-authorization")));

  /** Keycloak refused a plan's read: the realm, what could not be read, and the role to grant. */
  public static final class NotVisible extends RuntimeException {
    NotVisible(String realm, Need need, RuntimeException refusal) {
      super(
          "the credential cannot read "
              + need.what()
              + " of realm '"
              + dev.realmctl.spec.Printable.of(realm)
              + "' (Keycloak answered HTTP 403): grant it the role '"
              + need.role()
              + "' of that realm",
          refusal);
    }
  }

  static Need of(KindEdge edge) {
    return Optional.ofNullable(BY_EDGE.get(edge.getClass()))
        .orElse(new Need(edge.getClass().getSimpleName().replace("Edge", ""), "view-realm"));
  }

  static Need realm() {
    return REALM;
  }

  /** The refusal as what it means to a plan, when it is one; anything else as it was. */
  static RuntimeException explained(String realm, Need need, RuntimeException e) {
    return forbidden(e) ? new NotVisible(realm, need, e) : e;
  }

  private static boolean forbidden(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof WebApplicationException web
          && web.getResponse() != null
          && web.getResponse().getStatus() == 403) {
        return true;
      }
      if (cause.getCause() == cause) {
        return false;
      }
    }
    return false;
  }
}
