package dev.realmctl.spec;

/**
 * A kind of element a realm spec declares: how errors name it, and which of Keycloak's
 * representations (a class name under {@code org.keycloak.representations.idm}) holds its fields. A
 * new kind declares its own constant in its own file.
 */
public record SpecKind(String label, String representation) {}
