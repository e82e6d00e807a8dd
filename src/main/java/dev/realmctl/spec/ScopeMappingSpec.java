package dev.realmctl.spec;

import java.util.Optional;
import java.util.Set;

/**
 * Roles a client, or a client scope, may put into tokens: its role scope, as a realm export writes
 * it: realm roles under {@code scopeMappings}, the roles of client {@code roleClient} under {@code
 * clientScopeMappings.<roleClient>}. Exactly one of {@code client} and {@code clientScope} is
 * present; the roles are the exact set.
 */
public record ScopeMappingSpec(
    Optional<String> client,
    Optional<String> clientScope,
    Optional<String> roleClient,
    Set<String> roles,
    Origin origin) {}
