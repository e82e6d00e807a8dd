package dev.realmctl.keycloak;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.keycloak.representations.idm.MappingsRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;

/**
 * The role scopes of exported clients and client scopes, written as a realm export writes them:
 * realm roles under {@code scopeMappings}, client roles under {@code clientScopeMappings.<client>}.
 */
final class RoleScopeExport {
  private final List<Map<String, Object>> realmRoles = new ArrayList<>();
  private final Map<String, List<Map<String, Object>>> clientRoles = new TreeMap<>();

  /** Adds a holder's role scope; {@code holderKey} is {@code client} or {@code clientScope}. */
  void add(String holderKey, String holder, MappingsRepresentation mappings) {
    if (mappings.getRealmMappings() != null && !mappings.getRealmMappings().isEmpty()) {
      realmRoles.add(entry(holderKey, holder, mappings.getRealmMappings()));
    }
    if (mappings.getClientMappings() != null) {
      new TreeMap<>(mappings.getClientMappings())
          .forEach(
              (roleClient, roles) -> {
                if (roles.getMappings() != null && !roles.getMappings().isEmpty()) {
                  clientRoles
                      .computeIfAbsent(roleClient, c -> new ArrayList<>())
                      .add(entry(holderKey, holder, roles.getMappings()));
                }
              });
    }
  }

  void writeTo(Map<String, Object> spec) {
    if (!realmRoles.isEmpty()) {
      spec.put("scopeMappings", realmRoles);
    }
    if (!clientRoles.isEmpty()) {
      spec.put("clientScopeMappings", clientRoles);
    }
  }

  private static Map<String, Object> entry(
      String holderKey, String holder, List<RoleRepresentation> roles) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(holderKey, holder);
    out.put("roles", roles.stream().map(RoleRepresentation::getName).sorted().toList());
    return out;
  }
}
