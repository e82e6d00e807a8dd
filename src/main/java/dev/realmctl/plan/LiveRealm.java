package dev.realmctl.plan;

import java.util.Map;

/**
 * A snapshot of one realm as Keycloak has it, in representation field names: the realm's own
 * fields, and each kind's part as its edge read it, under that kind's {@link LivePart}. Role
 * mappings are the direct ones.
 */
public record LiveRealm(Map<String, Object> settings, Map<String, Object> parts) {

  /** A realm whose own fields are read and none of its kinds yet. */
  public static LiveRealm of(Map<String, Object> settings) {
    return new LiveRealm(settings, Map.of());
  }

  /** A kind's part, or its empty value when it was not read. */
  @SuppressWarnings("unchecked")
  public <T> T part(LivePart<T> part) {
    return (T) parts.getOrDefault(part.name(), part.empty());
  }

  /** The same realm with one more part read. */
  public <T> LiveRealm with(LivePart<T> part, T value) {
    Map<String, Object> more = new java.util.HashMap<>(parts);
    more.put(part.name(), value);
    return new LiveRealm(settings, more);
  }

  public static LiveRealm empty() {
    return of(Map.of());
  }
}
