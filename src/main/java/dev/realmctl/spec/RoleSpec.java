package dev.realmctl.spec;

import java.util.Map;
import java.util.Optional;

/** A realm role, or a client role when {@code clientId} is present. */
public record RoleSpec(
    String name, Optional<String> clientId, Map<String, Object> fields, Origin origin) {}
