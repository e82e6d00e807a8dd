package dev.realmctl.plan;

import dev.realmctl.spec.Sensitive;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares declared fields with Keycloak's. A field the spec leaves out is never compared; a
 * declared list of plain values is an exact set; a declared mapping (attributes, mapper config)
 * enforces only its own keys.
 */
public final class FieldDiff {
  private FieldDiff() {}

  public static List<FieldChange> between(Map<String, Object> declared, Map<String, Object> live) {
    List<FieldChange> changes = new ArrayList<>();
    for (var entry : declared.entrySet()) {
      String field = entry.getKey();
      Object want = entry.getValue();
      Object have = live.get(field);
      if (want instanceof Map<?, ?> wantMap) {
        Map<?, ?> haveMap = have instanceof Map<?, ?> m ? m : Map.of();
        for (var sub : wantMap.entrySet()) {
          Object haveValue = haveMap.get(sub.getKey());
          if (!same(sub.getValue(), haveValue)) {
            changes.add(
                new FieldChange(
                    field,
                    Optional.of(String.valueOf(sub.getKey())),
                    Optional.ofNullable(haveValue),
                    Optional.ofNullable(sub.getValue())));
          }
        }
      } else if (!same(want, have)) {
        changes.add(
            new FieldChange(
                field, Optional.empty(), beforeOf(want, have), Optional.ofNullable(want)));
      }
    }
    return changes;
  }

  /** Keycloak's side of a secret is as secret as the spec's. */
  private static Optional<Object> beforeOf(Object want, Object have) {
    return Optional.ofNullable(have)
        .map(value -> want instanceof Sensitive ? new Sensitive(String.valueOf(value)) : value);
  }

  /** Keycloak keeps attributes and mapper config as strings: "true" and true are the same. */
  public static boolean same(Object want, Object have) {
    if (want instanceof Sensitive secret) {
      return have instanceof String text && secret.equals(new Sensitive(text));
    }
    if (want == null || have == null) {
      return want == have || (want == null && isEmpty(have)) || (have == null && isEmpty(want));
    }
    if (want instanceof List<?> wantList) {
      if (have instanceof List<?> haveList) {
        return new HashSet<>(normalize(wantList)).equals(new HashSet<>(normalize(haveList)))
            && wantList.size() == haveList.size();
      }
      return wantList.size() == 1 && same(wantList.get(0), have);
    }
    if (have instanceof List<?> haveList) {
      return haveList.size() == 1 && same(want, haveList.get(0));
    }
    if (want instanceof Map<?, ?> || have instanceof Map<?, ?>) {
      return Objects.equals(want, have);
    }
    return String.valueOf(want).equals(String.valueOf(have));
  }

  private static boolean isEmpty(Object value) {
    return (value instanceof List<?> list && list.isEmpty())
        || (value instanceof Map<?, ?> map && map.isEmpty())
        || "".equals(value);
  }

  private static List<String> normalize(List<?> values) {
    return values.stream()
        .map(value -> value instanceof Sensitive secret ? secret.reveal() : String.valueOf(value))
        .toList();
  }
}
