package dev.realmctl.plan;

import dev.realmctl.spec.ClientScopeSpec;
import dev.realmctl.spec.RealmSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

public final class ClientScopePlanner implements ResourcePlanner {

  public record Live(
      Map<String, Object> fields, Map<String, Map<String, Object>> protocolMappers) {}

  public record Id(String realm, String name) implements ResourceId {
    public Kind kind() {
      return Kind.CLIENT_SCOPE;
    }

    public String path() {
      return "clientScopes/" + name;
    }
  }

  public static final LivePart<Map<String, Live>> LIVE = new LivePart<>("clientScopes", Map.of());

  @Override
  public void plan(RealmSpec spec, LiveRealm live, PlanBuilder out) {
    for (ClientScopeSpec scope : spec.of(ClientScopeSpec.SECTION)) {
      ProtocolMapperPlanner.checkProviders(scope.protocolMappers(), out);
      var id = new Id(spec.realm(), scope.name());
      Live existing = live.part(LIVE).get(scope.name());
      if (existing == null) {
        Map<String, Object> create = new LinkedHashMap<>();
        create.put("name", scope.name());
        create.put("protocol", "openid-connect");
        create.putAll(scope.fields());
        scope
            .protocolMappers()
            .ifPresent(
                m -> create.put("protocolMappers", ProtocolMapperPlanner.representations(m)));
        out.add(Change.create(id, create).at(scope.origin()));
        continue;
      }
      out.updateOrCount(id, FieldDiff.between(scope.fields(), existing.fields()), scope.origin());
      scope
          .protocolMappers()
          .ifPresent(
              mappers ->
                  ProtocolMapperPlanner.plan(
                      spec.realm(),
                      ProtocolMapperPlanner.Owner.CLIENT_SCOPE,
                      scope.name(),
                      mappers,
                      existing.protocolMappers(),
                      java.util.Set.of(),
                      out));
    }
  }

  @Override
  public List<Owned> owned() {
    return List.of(new Scopes());
  }

  private static final class Scopes implements Owned {
    @Override
    public Optional<String> recordedName(ResourceId id) {
      return id instanceof Id scope ? Optional.of(scope.name()) : Optional.empty();
    }

    public String key() {
      return Ownership.CLIENT_SCOPES;
    }

    public Set<String> declared(RealmSpec spec) {
      return spec.of(ClientScopeSpec.SECTION).stream()
          .map(ClientScopeSpec::name)
          .collect(Collectors.toSet());
    }

    public Set<String> live(LiveRealm live) {
      return live.part(LIVE).keySet();
    }

    public Optional<Change> delete(String realm, String scope, LiveRealm live, Pruning pruning) {
      if (Builtins.clientScope(scope)) {
        return Optional.empty();
      }
      return Optional.of(Change.delete(new Id(realm, scope), live.part(LIVE).get(scope).fields()));
    }
  }
}
