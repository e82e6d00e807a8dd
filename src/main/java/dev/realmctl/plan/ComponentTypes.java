package dev.realmctl.plan;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The component providers the server has installed, by provider type ({@code GET /admin/serverinfo}
 * {@code componentTypes}): server-wide, so read once per plan. Empty when not read (no spec
 * declares components) or when the login may not see server info; then nothing is refused early and
 * Keycloak's own answer stands.
 */
public record ComponentTypes(Optional<Map<String, Set<String>>> byType) {
  public static final ComponentTypes UNKNOWN = new ComponentTypes(Optional.empty());

  /** Why the server would refuse this provider, if it would. */
  public Optional<String> refusal(String providerType, String providerId) {
    if (byType.isEmpty()) {
      return Optional.empty();
    }
    Set<String> ids = byType.get().get(providerType);
    if (ids == null) {
      return Optional.of("this Keycloak has no component type '" + providerType + "'");
    }
    if (!ids.contains(providerId)) {
      return Optional.of("this Keycloak has no " + providerType + " provider '" + providerId + "'");
    }
    return Optional.empty();
  }
}
