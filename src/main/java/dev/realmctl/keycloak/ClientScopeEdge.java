package dev.realmctl.keycloak;

import dev.realmctl.plan.Builtins;
import dev.realmctl.plan.ClientScopePlanner;
import dev.realmctl.plan.Kind;
import dev.realmctl.plan.LiveRealm;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.keycloak.representations.idm.ClientScopeRepresentation;

/** Client scopes with their protocol mappers: one request for all of them. */
final class ClientScopeEdge implements KindEdge {

  @Override
  public Map<Kind, ChangeWriter<?>> writers() {
    return Map.of(Kind.CLIENT_SCOPE, new ClientScopeWriter());
  }

  @Override
  public LiveRealm read(dev.realmctl.spec.RealmSpec spec, RealmRead read, LiveRealm live) {
    Map<String, LiveRealm.Scope> scopes = new HashMap<>();
    for (ClientScopeRepresentation scope : read.realm().clientScopes().findAll()) {
      read.ids().scopes.put(scope.getName(), scope.getId());
      scopes.put(
          scope.getName(),
          new LiveRealm.Scope(
              Json.toMap(scope),
              ClientEdge.mappers(
                  scope.getProtocolMappers(), "clientScopes", scope.getName(), read.ids())));
    }
    return live.with(ClientScopePlanner.LIVE, scopes);
  }

  @Override
  public void export(String realm, LiveRealm live, Map<String, Object> spec, List<String> notes) {
    List<Map<String, Object>> scopes = new ArrayList<>();
    new TreeMap<>(live.clientScopes())
        .forEach(
            (name, scope) -> {
              if (Builtins.clientScope(name)) {
                return;
              }
              Map<String, Object> out = new LinkedHashMap<>();
              out.put("name", name);
              ExportFields.putIfPresent(out, "description", scope.fields().get("description"));
              ExportFields.putIfPresent(out, "protocol", scope.fields().get("protocol"));
              ExportFields.putIfNotEmpty(
                  out, "attributes", ExportFields.sortedMap(scope.fields().get("attributes")));
              out.put("protocolMappers", ExportFields.mappers(scope.protocolMappers()));
              scopes.add(out);
            });
    ExportFields.putIfNotEmpty(spec, "clientScopes", scopes);
  }
}
