package dev.realmctl.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A client; the scope lists and mappers, when declared, are exact sets. */
public record ClientSpec(
    String clientId,
    Map<String, Object> fields,
    Optional<List<ProtocolMapperSpec>> protocolMappers,
    Optional<Set<String>> defaultClientScopes,
    Optional<Set<String>> optionalClientScopes,
    Origin origin) {

  public boolean serviceAccountsEnabled() {
    return Boolean.TRUE.equals(fields.get("serviceAccountsEnabled"));
  }
}
