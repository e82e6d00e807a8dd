package dev.realmctl.keycloak;

import dev.realmctl.plan.Kind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Every kind's edge to Keycloak: one line per kind. */
final class Edges {
  static final List<KindEdge> ALL =
      List.of(
          KindEdge.writing(Kind.REALM, new RealmWriter()),
          KindEdge.writing(Kind.CLIENT_SCOPE, new ClientScopeWriter()),
          KindEdge.writing(Kind.CLIENT, new ClientWriter()),
          KindEdge.writing(Kind.ROLE, new RoleWriter()),
          new CompositeEdge(),
          KindEdge.writing(Kind.PROTOCOL_MAPPER, new ProtocolMapperWriter()),
          KindEdge.writing(Kind.SCOPE_LINK, new ScopeLinkWriter()),
          KindEdge.writing(Kind.GROUP, new GroupWriter()),
          KindEdge.writing(Kind.USER, new UserWriter()),
          KindEdge.writing(Kind.ROLE_MAPPING, new RoleMappingWriter()),
          KindEdge.writing(Kind.MEMBERSHIP, new MembershipWriter()),
          new FlowEdge(),
          new IdentityProviderEdge(),
          new FederatedIdentityEdge(),
          new LocalizationEdge(),
          new RealmDefaultScopeEdge(),
          new RequiredActionEdge(),
          new ComponentEdge(),
          new OrganizationEdge(),
          new UserProfileEdge(),
          new AuthorizationEdge(),
          KindEdge.writing(Kind.OWNERSHIP, new OwnershipWriter()));

  private Edges() {}

  static Map<Kind, ChangeWriter<?>> writers() {
    Map<Kind, ChangeWriter<?>> writers = new EnumMap<>(Kind.class);
    ALL.forEach(edge -> writers.putAll(edge.writers()));
    return writers;
  }
}
