package dev.realmctl.keycloak;

import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The role a read of each kind needs, as docs/security.md lists them: a plan whose credential
 * cannot read a kind stops and says which role to grant, rather than planning from a partial view.
 */
public final class ReadRights {
  private ReadRights() {}

  /** What one kind's read covers, and the realm-management roles that let it read. */
  record Need(String what, List<String> roles) {
    Need(String what, String role) {
      this(what, List.of(role));
    }

    /** {@code the role 'view-users'}, {@code the roles 'a', 'b' and 'c'}. */
    String grant() {
      List<String> quoted = roles.stream().map(r -> "'" + r + "'").toList();
      return quoted.size() == 1
          ? "the role " + quoted.get(0)
          : "the roles "
              + String.join(", ", quoted.subList(0, quoted.size() - 1))
              + " and "
              + quoted.get(quoted.size() - 1);
    }
  }

  private static final Need REALM = new Need("the realm's settings", "view-realm");

  /**
   * Keycloak's partial export, read for roles, groups, scope mappings and flows, answers 403 to a
   * caller without manage-realm, whatever view roles it holds, and, with groups and clients in it,
   * without view-users and view-clients too (measured on 26.7.3).
   */
  static final Need PARTIAL_EXPORT =
      new Need(
          "the realm's partial export (roles, groups, scope mappings and flows are read from it)",
          List.of("manage-realm", "view-clients", "view-users"));

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
              + "' (Keycloak answered HTTP 403): grant it "
              + need.grant()
              + " of that realm",
          refusal);
    }
  }

  /** A refused read that knows what it needed, before the realm it was made for is known. */
  static final class Refused extends RuntimeException {
    private final transient Need need;

    Refused(Need need, RuntimeException refusal) {
      super(refusal.getMessage(), refusal);
      this.need = need;
    }
  }

  /** The refusal of a read that needs {@code need}, when it is one; anything else as it was. */
  static RuntimeException refusedOr(Need need, RuntimeException e) {
    return forbidden(e) ? new Refused(need, e) : e;
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
    if (e instanceof NotVisible) {
      return e;
    }
    if (e instanceof Refused refused) {
      return new NotVisible(realm, refused.need, refused);
    }
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
