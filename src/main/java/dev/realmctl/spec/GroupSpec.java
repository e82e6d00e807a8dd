package dev.realmctl.spec;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

public record GroupSpec(
    String name,
    Map<String, Object> fields,
    Optional<Set<String>> realmRoles,
    Optional<Map<String, Set<String>>> clientRoles,
    Origin origin) {}
