package dev.realmctl.plan;

import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.UserProfileSpec;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The realm's user profile, compared as one document: mappings by key whatever their order, lists
 * (attributes, groups, permission roles) in their order, which Keycloak keeps and shows in forms.
 */
public final class UserProfilePlanner implements ResourcePlanner {

  public record Id(String realm) implements ResourceId {
    public Kind kind() {
      return Kind.USER_PROFILE;
    }

    public String path() {
      return "userProfile";
    }
  }

  /** The profile Keycloak serves, read only when the spec declares one. */
  public static final LivePart<Optional<Map<String, Object>>> LIVE =
      new LivePart<>("userProfile", Optional.empty());

  /**
   * Subtrees where an empty value means something: a validator with no options ({@code email: {}})
   * is on, an empty {@code required} is "always required".
   */
  private static final Set<String> KEEP_EMPTY = Set.of("validations", "required");

  /**
   * Lists Keycloak keeps as sets (permissions' {@code view} and {@code edit}, {@code roles} and
   * {@code scopes} of {@code required} and {@code selector}): it answers them in its own order.
   */
  /** Keycloak's UPConfig fields, each cleared when a written profile leaves it out. */
  private static final Set<String> UPCONFIG_FIELDS =
      Set.of("attributes", "groups", "unmanagedAttributePolicy");

  private static final Set<String> SETS = Set.of("view", "edit", "roles", "scopes");

  @Override
  public void plan(RealmSpec spec, LiveRealm live, PlanBuilder out) {
    Optional<UserProfileSpec> declared =
        spec.of(UserProfileSpec.SECTION).stream()
            .findFirst()
            .or(() -> spec.of(UserProfileSpec.COMPONENTS).stream().findFirst());
    if (declared.isEmpty()) {
      return;
    }
    Map<String, Object> want = declared.get().config();
    Optional<Map<String, Object>> have = live.part(LIVE);
    if (have.isPresent() && same(want, have.get())) {
      out.unchanged++;
      return;
    }
    // One field change per field of Keycloak's UPConfig that differs; one the spec leaves out is
    // cleared, as a profile is written whole. A realm still to be created has Keycloak's default
    // profile, unknown here, so every field is written.
    Map<String, Object> had = have.orElse(Map.of());
    Set<String> fields = new java.util.TreeSet<>(want.keySet());
    fields.addAll(had.keySet());
    if (have.isEmpty()) {
      fields.addAll(UPCONFIG_FIELDS);
    }
    List<FieldChange> changes = new java.util.ArrayList<>();
    for (String field : fields) {
      if (have.isEmpty()
          || !Objects.equals(
              canonicalField(field, want.get(field)), canonicalField(field, had.get(field)))) {
        changes.add(
            new FieldChange(
                field,
                Optional.empty(),
                Optional.ofNullable(had.get(field)),
                Optional.ofNullable(want.get(field))));
      }
    }
    out.add(Change.update(new Id(spec.realm()), changes).at(declared.get().origin()));
  }

  /** A field's value as {@link #canonical} reads it inside the profile; null when absent. */
  private static Object canonicalField(String field, Object value) {
    Map<String, Object> profile = new java.util.HashMap<>();
    profile.put(field, value);
    return ((Map<?, ?>) canonical(profile, false)).get(field);
  }

  static boolean same(Map<String, Object> want, Map<String, Object> have) {
    return canonical(want, false).equals(canonical(have, false));
  }

  /**
   * Keycloak answers with what the admin client's UPConfig classes write, which fills in what a
   * spec need not say (no value, an empty list or mapping, {@code multivalued: false}): those read
   * as absent, except where emptiness is meaningful. Numbers compare by value, 255 as 255.0.
   */
  static Object canonical(Object value, boolean keepEmpty) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> result = new TreeMap<>();
      map.forEach(
          (k, v) -> {
            String key = String.valueOf(k);
            boolean keep = keepEmpty || KEEP_EMPTY.contains(key);
            Object canonical = canonical(v, keep);
            if (SETS.contains(key) && canonical instanceof List<?> list) {
              canonical = list.stream().map(String::valueOf).sorted().toList();
            }
            if (keep || !absent(canonical)) {
              result.put(key, canonical);
            }
          });
      return result;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(item -> canonical(item, keepEmpty)).toList();
    }
    if (value instanceof Number number) {
      return new BigDecimal(number.toString()).stripTrailingZeros();
    }
    return value;
  }

  private static boolean absent(Object value) {
    return value == null
        || Boolean.FALSE.equals(value)
        || (value instanceof Map<?, ?> map && map.isEmpty())
        || (value instanceof List<?> list && list.isEmpty());
  }
}
