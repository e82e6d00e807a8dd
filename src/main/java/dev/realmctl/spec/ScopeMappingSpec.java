package dev.realmctl.spec;

import java.util.Optional;
import java.util.Set;

/**
 * The realm roles a client, or a client scope, may put into tokens: its role scope, as a realm
 * export writes it under {@code scopeMappings}. Exactly one of {@code client} and {@code
 * clientScope} is present; the roles are the exact set.
 */
public record ScopeMappingSpec(
    Optional<String> client, Optional<String> clientScope, Set<String> roles, Origin origin) {}
