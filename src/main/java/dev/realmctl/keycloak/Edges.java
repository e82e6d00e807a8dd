package dev.realmctl.keycloak;

import dev.realmctl.plan.Kind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every kind's edge to Keycloak: one line per kind. Reads run in this order, so a kind reads after
 * those whose ids and parts it uses (users after clients, for their service accounts).
 */
final class Edges {
  static final List<KindEdge> ALL =
      List.of(
          new RealmEdge(),
          new ClientScopeEdge(),
          new ClientEdge(),
          new ProtocolMapperEdge(),
          new RoleEdge(),
          new CompositeEdge(),
          new GroupEdge(),
          new UserEdge(),
          new ScopeMappingEdge(),
          new RoleMappingEdge(),
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
          new OwnershipEdge());

  private Edges() {}

  static Map<Kind, ChangeWriter<?>> writers() {
    Map<Kind, ChangeWriter<?>> writers = new EnumMap<>(Kind.class);
    ALL.forEach(edge -> writers.putAll(edge.writers()));
    return writers;
  }
}
