package dev.realmctl.plan;

import dev.realmctl.spec.Location;
import dev.realmctl.spec.Origin;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One planned change. For a create, {@code after} is the whole representation to send; for an
 * update, {@code before} and {@code after} hold only the declared fields that differ; a delete has
 * only {@code before}.
 */
public record Change(
    Action action,
    ResourceId id,
    Map<String, Object> before,
    Map<String, Object> after,
    List<FieldChange> fields,
    Optional<Location> source) {

  public static Change create(ResourceId id, Map<String, Object> after) {
    return new Change(Action.CREATE, id, Map.of(), after, List.of(), Optional.empty());
  }

  public static Change delete(ResourceId id, Map<String, Object> before) {
    return new Change(Action.DELETE, id, before, Map.of(), List.of(), Optional.empty());
  }

  public static Change update(ResourceId id, List<FieldChange> fields) {
    Map<String, Object> before = new java.util.LinkedHashMap<>();
    Map<String, Object> after = new java.util.LinkedHashMap<>();
    for (FieldChange field : fields) {
      field.before().ifPresent(value -> put(before, field, value));
      // An explicit null asks Keycloak to clear a field the spec sets to null.
      put(after, field, field.after().orElse(null));
    }
    return new Change(Action.UPDATE, id, before, after, List.copyOf(fields), Optional.empty());
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> target, FieldChange field, Object value) {
    if (field.key().isEmpty()) {
      target.put(field.field(), value);
      return;
    }
    var nested =
        (Map<String, Object>)
            target.computeIfAbsent(field.field(), f -> new java.util.LinkedHashMap<>());
    nested.put(field.key().get(), value);
  }

  /** The same change, remembering where in the spec it comes from, for errors Keycloak reports. */
  public Change at(Origin origin) {
    return new Change(action, id, before, after, fields, Optional.of(origin.location()));
  }

  /** Where the change applies, safe to print on one line whatever the names hold. */
  public String address() {
    return dev.realmctl.spec.Printable.of(id.realm() + ": " + id.path());
  }
}
