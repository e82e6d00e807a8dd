package dev.realmctl.keycloak;

import dev.realmctl.plan.Change;
import dev.realmctl.plan.FieldChange;
import dev.realmctl.plan.FieldDiff;
import dev.realmctl.spec.Printable;
import dev.realmctl.spec.Sensitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fields an update writes, checked against Keycloak just before the write: a field a person
 * changed since the plan was made is never written over, and the failure names who changed it when
 * the realm's admin events say. A field that already holds the plan's {@code after} is no conflict:
 * a retried write, or another apply of the same spec, put it there.
 */
final class PlannedFields {
  private PlannedFields() {}

  /** A field to be changed no longer holds what the plan saw. */
  static final class Conflict extends IllegalStateException {
    Conflict(String message) {
      super(message);
    }
  }

  /**
   * Fails, naming each moved field and who moved it, unless every field holds the plan's before or
   * after. A field the plan saw empty counts like any other, except in a realm this plan creates:
   * its built-ins get Keycloak's defaults after the plan was made, and no person has touched them.
   */
  static void check(
      Change change, Map<String, Object> fresh, Target target, AdminEvents.Resource resource) {
    boolean realmIsNew = target.planned().createdRealms().contains(change.id().realm());
    List<String> moved = new ArrayList<>();
    for (FieldChange field : change.fields()) {
      if (field.before().isEmpty() && realmIsNew) {
        continue;
      }
      Object now = valueOf(fresh, field);
      Object expected = field.before().orElse(null);
      if (FieldDiff.same(expected, now) || FieldDiff.same(field.after().orElse(null), now)) {
        continue;
      }
      boolean secret =
          expected instanceof Sensitive || field.after().orElse(null) instanceof Sensitive;
      moved.add(
          field.name()
              + ": the plan expected "
              + show(expected, secret, "a secret value")
              + ", Keycloak now has "
              + show(now, secret, "another secret value"));
    }
    if (!moved.isEmpty()) {
      throw new Conflict(
          "changed since the plan was made: "
              + String.join("; ", moved)
              + " ("
              + AdminEvents.since(target, change.id().realm(), resource, target.planned().readAt())
              + ")");
    }
  }

  private static Object valueOf(Map<String, Object> fresh, FieldChange field) {
    Object value = fresh.get(field.field());
    if (field.key().isEmpty()) {
      return value;
    }
    return value instanceof Map<?, ?> map ? map.get(field.key().get()) : null;
  }

  /** A secret on either side is never shown, only whether there is one. */
  private static String show(Object value, boolean secret, String secretValue) {
    if (value == null) {
      return "no value";
    }
    if (secret) {
      return secretValue;
    }
    return Printable.of(String.valueOf(value));
  }
}
