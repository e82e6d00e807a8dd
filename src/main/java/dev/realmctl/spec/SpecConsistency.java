package dev.realmctl.spec;

import java.util.List;
import java.util.function.Function;

/** Checks within one realm spec that need no server: every name declared once. */
final class SpecConsistency {
  private final Problems problems;

  SpecConsistency(Problems problems) {
    this.problems = problems;
  }

  void check(RealmSpec spec) {
    unique(spec.clientScopes(), ClientScopeSpec::name, ClientScopeSpec::origin, "client scope");
    unique(spec.clients(), ClientSpec::clientId, ClientSpec::origin, "client");
    unique(
        spec.roles(),
        role -> role.clientId().map(c -> c + "/").orElse("") + role.name(),
        RoleSpec::origin,
        "role");
    unique(spec.groups(), GroupSpec::path, GroupSpec::origin, "group");
    unique(spec.users(), UserSpec::username, UserSpec::origin, "user");
    unique(
        spec.scopeMappings(),
        mapping ->
            mapping.roleClient().map(c -> "roles of " + c + " to ").orElse("")
                + mapping
                    .client()
                    .map(c -> "client " + c)
                    .orElseGet(() -> "client scope " + mapping.clientScope().orElseThrow()),
        ScopeMappingSpec::origin,
        "scope mapping of");
    spec.clientScopes().forEach(scope -> scope.protocolMappers().ifPresent(this::uniqueMappers));
    spec.clients().forEach(client -> client.protocolMappers().ifPresent(this::uniqueMappers));
  }

  private void uniqueMappers(List<ProtocolMapperSpec> mappers) {
    unique(mappers, ProtocolMapperSpec::name, ProtocolMapperSpec::origin, "protocol mapper");
  }

  private <T> void unique(
      List<T> items, Function<T, String> key, Function<T, Origin> origin, String label) {
    Unique.names(items, key, origin, new SpecKind(label, ""), problems);
  }
}
