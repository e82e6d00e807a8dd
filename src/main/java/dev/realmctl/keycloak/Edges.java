package dev.realmctl.keycloak;

import dev.realmctl.plan.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every kind's edge to Keycloak: one line per kind. The list is the order an exported document
 * lists its sections in, nothing more: reads run in {@link #READ_ORDER}, computed from what each
 * edge declares it reads after.
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
          new AdminPermissionEdge(),
          new OwnershipEdge());

  /**
   * The order reads run in: each edge after the edges of the kinds it reads after, and otherwise by
   * {@link Kind}'s order, so the list above decides nothing.
   */
  static final List<KindEdge> READ_ORDER = readOrder(ALL);

  private Edges() {}

  static List<KindEdge> readOrder(List<KindEdge> edges) {
    List<KindEdge> order = new ArrayList<>();
    List<KindEdge> waiting = new ArrayList<>(edges);
    waiting.sort(Comparator.comparingInt(Edges::rank));
    while (!waiting.isEmpty()) {
      KindEdge next =
          waiting.stream()
              .filter(edge -> waiting.stream().noneMatch(other -> readsAfter(edge, other)))
              .findFirst()
              .orElseThrow(
                  () -> new IllegalStateException("edges read after each other: " + waiting));
      waiting.remove(next);
      order.add(next);
    }
    return List.copyOf(order);
  }

  /** Whether {@code edge} reads after {@code other}: it names one of other's kinds. */
  static boolean readsAfter(KindEdge edge, KindEdge other) {
    return edge != other && other.kinds().stream().anyMatch(edge.readsAfter()::contains);
  }

  private static int rank(KindEdge edge) {
    return edge.kinds().stream().mapToInt(Kind::ordinal).min().orElse(Integer.MAX_VALUE);
  }

  static Map<Kind, ChangeWriter<?>> writers() {
    Map<Kind, ChangeWriter<?>> writers = new EnumMap<>(Kind.class);
    ALL.forEach(edge -> writers.putAll(edge.writers()));
    return writers;
  }
}
