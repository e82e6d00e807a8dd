package dev.realmctl.spec;

import java.util.Map;

/**
 * The fields Keycloak's own representations have, per kind of resource, so the spec speaks
 * Keycloak's names without the spec model depending on Keycloak's classes.
 */
public interface FieldCatalog {

  Map<String, FieldType> fields(SpecKind kind);
}
