package dev.realmctl.spec;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One group at any depth. A spec's groups are listed flat, every parent before its sub-groups; a
 * group is known by its path ({@code staff/ops}), as names repeat under different parents.
 */
public record GroupSpec(
    String name,
    Optional<String> parent,
    Map<String, Object> fields,
    Optional<Set<String>> realmRoles,
    Optional<Map<String, Set<String>>> clientRoles,
    Origin origin) {

  /** The path without its leading slash: {@code staff} at the top, {@code staff/ops} below. */
  public String path() {
    return parent.map(p -> p + "/" + name).orElse(name);
  }
}
