package dev.realmctl.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One of the realm's default client scopes, which every new client gets: {@code
 * defaultDefaultClientScopes} or {@code defaultOptionalClientScopes}, by scope name. Keycloak keeps
 * them apart from the realm representation (PUT realm ignores both lists), under {@code
 * /default-default-client-scopes/{id}} and {@code /default-optional-client-scopes/{id}}. A declared
 * list is the exact set.
 */
public record RealmDefaultScopeSpec(String scope, boolean optional, Origin origin) {

  public static final SpecSection<RealmDefaultScopeSpec> DEFAULTS = new Section(false);
  public static final SpecSection<RealmDefaultScopeSpec> OPTIONALS = new Section(true);

  private static final class Section implements SpecSection<RealmDefaultScopeSpec> {
    private final boolean optional;

    Section(boolean optional) {
      this.optional = optional;
    }

    public String field() {
      return optional ? "defaultOptionalClientScopes" : "defaultDefaultClientScopes";
    }

    public List<RealmDefaultScopeSpec> read(SpecReader reader, Object value, Origin origin) {
      List<RealmDefaultScopeSpec> result = new ArrayList<>();
      Set<String> names =
          reader.stringSet(Map.of(field(), value), field(), parent(origin)).orElse(Set.of());
      int index = 0;
      for (String name : names) {
        result.add(new RealmDefaultScopeSpec(name, optional, origin.child(index)));
        index++;
      }
      return result;
    }

    private static Origin parent(Origin origin) {
      String path = origin.path();
      return new Origin(origin.source(), path.substring(0, path.lastIndexOf('/')));
    }

    @Override
    public void check(RealmSpec spec, Problems problems) {
      if (optional) {
        return;
      }
      Set<String> defaults = new java.util.HashSet<>();
      spec.of(DEFAULTS).forEach(s -> defaults.add(s.scope()));
      for (RealmDefaultScopeSpec scope : spec.of(OPTIONALS)) {
        if (defaults.contains(scope.scope())) {
          problems.error(
              scope.origin().location(),
              "client scope '"
                  + scope.scope()
                  + "' is both a default and an optional realm default scope");
        }
      }
    }

    public Map<String, Object> schema(FieldCatalog catalog) {
      return Map.of("type", "array", "items", Map.of("type", "string"), "uniqueItems", true);
    }
  }
}
