package dev.realmctl.plan;

import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.RequiredActionSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Required actions. Declared ones are compared (Keycloak orders them by {@code priority}, so it is
 * compared like any field); one the server offers but the realm lacks is registered; the rest are
 * left alone, since Keycloak adds new ones on upgrade.
 */
public final class RequiredActionPlanner implements ResourcePlanner {

  public record Id(String realm, String alias) implements ResourceId {
    public Kind kind() {
      return Kind.REQUIRED_ACTION;
    }

    public String path() {
      return "requiredActions/" + alias;
    }
  }

  /**
   * The realm's required actions by alias, and the providers the server offers that the realm has
   * not registered (by provider id, each with its display name).
   */
  public record Live(
      Map<String, Map<String, Object>> registered, Map<String, String> unregistered) {}

  public static final LivePart<Optional<Live>> LIVE =
      new LivePart<>("requiredActions", Optional.empty());

  /**
   * What a new realm has registered (24 to 26.7): never pruned, whatever a record says, since
   * realmctl did not register them.
   */
  static final Set<String> BUILT_IN =
      Set.of(
          "CONFIGURE_TOTP",
          "TERMS_AND_CONDITIONS",
          "UPDATE_PASSWORD",
          "UPDATE_PROFILE",
          "VERIFY_EMAIL",
          "VERIFY_PROFILE",
          "delete_account",
          "delete_credential",
          "UPDATE_EMAIL",
          "webauthn-register",
          "webauthn-register-passwordless",
          "update_user_locale",
          "idp_link",
          "CONFIGURE_RECOVERY_AUTHN_CODES");

  @Override
  public void plan(RealmSpec spec, LiveRealm live, PlanBuilder out) {
    Optional<Live> read = live.part(LIVE);
    for (RequiredActionSpec action : spec.of(RequiredActionSpec.SECTION)) {
      var id = new Id(spec.realm(), action.alias());
      Map<String, Object> have = read.map(r -> r.registered().get(action.alias())).orElse(null);
      if (have != null) {
        out.updateOrCount(id, FieldDiff.between(action.fields(), have), action.origin());
        continue;
      }
      // The admin API registers an action under its provider's id, whatever alias it is sent
      // (measured on 26.7.3): another alias is made only by a realm import.
      if (!action.alias().equals(action.providerId())) {
        out.problems.error(
            action.origin().valueAt("alias"),
            "required action '"
                + action.alias()
                + "' would be registered as '"
                + action.providerId()
                + "', its provider's id, which Keycloak's admin API uses as the alias: write alias '"
                + action.providerId()
                + "'");
        continue;
      }
      // A realm not there yet is read as nothing: its actions are found out at apply.
      if (read.isPresent() && !read.get().unregistered().containsKey(action.providerId())) {
        out.problems.error(
            action.origin().location(),
            "required action '"
                + action.alias()
                + "' is not offered by this Keycloak (provider '"
                + action.providerId()
                + "')");
        continue;
      }
      Map<String, Object> create = new LinkedHashMap<>();
      create.put("alias", action.alias());
      create.put("providerId", action.providerId());
      read.map(r -> r.unregistered().get(action.providerId()))
          .ifPresent(name -> create.put("name", name));
      create.putAll(action.fields());
      out.add(Change.create(id, create).at(action.origin()));
    }
  }

  @Override
  public List<Owned> owned() {
    return List.of(new Registered());
  }

  private static final class Registered implements Owned {
    @Override
    public Optional<String> recordedName(ResourceId id) {
      return id instanceof Id action ? Optional.of(action.alias()) : Optional.empty();
    }

    public String key() {
      return "requiredActions";
    }

    public Set<String> declared(RealmSpec spec) {
      return spec.of(RequiredActionSpec.SECTION).stream()
          .map(RequiredActionSpec::alias)
          .filter(alias -> !BUILT_IN.contains(alias))
          .collect(Collectors.toSet());
    }

    public Set<String> live(LiveRealm live) {
      return live.part(LIVE).map(r -> r.registered().keySet()).orElse(Set.of());
    }

    public Optional<Change> delete(String realm, String alias, LiveRealm live, Pruning pruning) {
      if (BUILT_IN.contains(alias)) {
        return Optional.empty();
      }
      return Optional.of(
          Change.delete(new Id(realm, alias), live.part(LIVE).get().registered().get(alias)));
    }
  }
}
