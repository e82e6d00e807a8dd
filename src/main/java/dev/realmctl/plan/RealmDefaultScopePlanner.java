package dev.realmctl.plan;

import dev.realmctl.spec.RealmDefaultScopeSpec;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.SpecSection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The realm's default client scopes (what every new client gets), one resource per list: each
 * declared list is the exact set. A new realm comes with defaults of its own that differ by
 * version, so the writer makes the live list equal to the declared one, whatever it held. A scope
 * must exist in the spec or the realm, checked before any write.
 */
public final class RealmDefaultScopePlanner implements ResourcePlanner {
  public record Id(String realm, boolean optional) implements ResourceId {
    public Kind kind() {
      return Kind.REALM_DEFAULT_SCOPE;
    }

    public String path() {
      return field();
    }

    /** The realm representation's list of scope names this is, which a change carries. */
    public String field() {
      return optional ? "defaultOptionalClientScopes" : "defaultDefaultClientScopes";
    }
  }

  /** The realm's default and optional default scopes, by name. */
  public record Live(Set<String> defaults, Set<String> optionals) {
    public Set<String> of(boolean optional) {
      return optional ? optionals : defaults;
    }
  }

  public static final LivePart<Live> LIVE =
      new LivePart<>("realmDefaultScopes", new Live(Set.of(), Set.of()));

  @Override
  public void plan(RealmSpec spec, LiveRealm live, PlanBuilder out) {
    References references = new References(spec, live, out);
    for (SpecSection<RealmDefaultScopeSpec> section :
        List.of(RealmDefaultScopeSpec.DEFAULTS, RealmDefaultScopeSpec.OPTIONALS)) {
      if (!spec.declares(section)) {
        continue;
      }
      boolean optional = section == RealmDefaultScopeSpec.OPTIONALS;
      Set<String> declared = new TreeSet<>();
      for (RealmDefaultScopeSpec scope : spec.of(section)) {
        references.scope(scope.scope(), scope.origin());
        declared.add(scope.scope());
      }
      var id = new Id(spec.realm(), optional);
      var origin = spec.origin().child(section.field());
      if (!out.realmExists) {
        out.add(Change.create(id, Map.of(id.field(), List.copyOf(declared))).at(origin));
        continue;
      }
      Set<String> have = new TreeSet<>(live.part(LIVE).of(optional));
      List<FieldChange> changes =
          have.equals(declared)
              ? List.of()
              : List.of(
                  new FieldChange(
                      id.field(),
                      Optional.empty(),
                      Optional.of(List.copyOf(have)),
                      Optional.of(List.copyOf(declared))));
      out.updateOrCount(id, changes, origin);
    }
  }
}
