package dev.realmctl.plan;

import java.util.Optional;

/**
 * One field that differs. {@code key} names the entry when the field is a mapping (an attribute, a
 * mapper's config); an empty {@code before} means Keycloak has no value for it.
 */
public record FieldChange(
    String field, Optional<String> key, Optional<Object> before, Optional<Object> after) {

  public String name() {
    return key.map(k -> field + "." + k).orElse(field);
  }
}
