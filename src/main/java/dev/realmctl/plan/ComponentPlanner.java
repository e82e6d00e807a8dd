package dev.realmctl.plan;

import dev.realmctl.spec.ComponentSpec;
import dev.realmctl.spec.Problem;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.Sensitive;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Components and their sub-components. Declared config keys are compared, others left as Keycloak
 * has them; secrets are sent on create and never compared, since Keycloak only ever shows them
 * masked. Keycloak's own components (default keys, client registration policies) are compared when
 * declared and never pruned.
 */
public final class ComponentPlanner implements ResourcePlanner {
  /**
   * LDAP settings Keycloak 26.7.3 does not keep when they are {@code false} (the sync periods
   * {@code fullSyncPeriod} / {@code changedSyncPeriod} of -1 say it): an export of a realm Keycloak
   * migrated from 24 still writes them, and absent means the same.
   */
  static final Set<String> DROPPED_WHEN_FALSE =
      Set.of("periodicFullSync", "periodicChangedUsersSync");

  /** What Keycloak shows in place of a secret config value. */
  public static final String MASK = "**********";

  static final String KEY_PROVIDER = "org.keycloak.keys.KeyProvider";
  static final String REGISTRATION_POLICY =
      "org.keycloak.services.clientregistration.policy.ClientRegistrationPolicy";
  static final Set<String> BUILT_IN_KEYS =
      Set.of("rsa-generated", "rsa-enc-generated", "hmac-generated-hs512", "aes-generated");

  /** A component of the realm, by {@link ComponentSpec#key()}. */
  public record Id(String realm, String key) implements ResourceId {
    public Kind kind() {
      return Kind.COMPONENT;
    }

    public String path() {
      return "components/" + key;
    }
  }

  /** A sub-component, under the component keyed {@code parent}. */
  public record SubId(String realm, String parent, String key) implements ResourceId {
    public Kind kind() {
      return Kind.SUB_COMPONENT;
    }

    public String path() {
      return "components/" + key;
    }
  }

  /** A component as Keycloak has it, its secrets masked. */
  public record Live(
      String id,
      Optional<String> parent,
      String providerType,
      String name,
      Optional<String> subType,
      String providerId,
      Map<String, List<String>> config) {
    public String key() {
      return ComponentSpec.key(parent, providerType, subType, name);
    }
  }

  /** By key; the user profile provider is never read here. */
  public static final LivePart<Map<String, Live>> LIVE = new LivePart<>("components", Map.of());

  @Override
  public void plan(RealmSpec spec, LiveRealm live, PlanBuilder out) {
    Map<String, Live> existing = live.part(LIVE);
    for (ComponentSpec component : spec.of(ComponentSpec.SECTION)) {
      Optional<Live> have = Optional.ofNullable(existing.get(component.key()));
      Optional<Problem> refused = refusal(component, have, out.providers);
      if (refused.isPresent()) {
        out.report(List.of(refused.get()));
      } else {
        out.add(diff(spec.realm(), component, have));
      }
    }
  }

  /**
   * Why a component cannot be planned: the server refuses its provider, or Keycloak has it with
   * another provider, which it cannot change.
   */
  static Optional<Problem> refusal(
      ComponentSpec component, Optional<Live> have, ServerProviders providers) {
    Optional<String> refused = providers.refusal(component.providerType(), component.providerId());
    if (refused.isPresent()) {
      return Optional.of(
          Problem.error(
              component.origin().valueAt("providerId"),
              "component '" + component.name() + "': " + refused.get()));
    }
    return have.filter(h -> !h.providerId().equals(component.providerId()))
        .map(
            h ->
                Problem.error(
                    component.origin().valueAt("providerId"),
                    "component '"
                        + component.name()
                        + "' is '"
                        + h.providerId()
                        + "' in Keycloak, which cannot change it: give it another name"));
  }

  /** A new component is created whole; an existing one is compared by its declared config. */
  static Diff diff(String realm, ComponentSpec component, Optional<Live> have) {
    ResourceId id =
        component
            .parent()
            .<ResourceId>map(p -> new SubId(realm, p, component.key()))
            .orElseGet(() -> new Id(realm, component.key()));
    if (have.isEmpty()) {
      return Diff.change(Change.create(id, representation(component)).at(component.origin()));
    }
    return Diff.update(
        id,
        FieldDiff.between(
            Map.of("config", comparedConfig(component, have.get())),
            Map.of("config", new LinkedHashMap<>(have.get().config()))),
        component.origin());
  }

  /**
   * The declared config keys that can be compared: not secrets, not what Keycloak shows masked, not
   * what it drops when false.
   */
  static Map<String, Object> comparedConfig(ComponentSpec component, Live have) {
    Map<String, Object> declared = new LinkedHashMap<>();
    component
        .config()
        .forEach(
            (key, values) -> {
              boolean secret = values.stream().anyMatch(Sensitive.class::isInstance);
              boolean masked = have.config().getOrDefault(key, List.of()).contains(MASK);
              boolean keycloakDrops =
                  DROPPED_WHEN_FALSE.contains(key)
                      && values.equals(List.of("false"))
                      && !have.config().containsKey(key);
              if (!secret && !masked && !keycloakDrops) {
                declared.put(key, values);
              }
            });
    return declared;
  }

  private static Map<String, Object> representation(ComponentSpec component) {
    Map<String, Object> create = new LinkedHashMap<>();
    create.put("name", component.name());
    create.put("providerId", component.providerId());
    create.put("providerType", component.providerType());
    component.subType().ifPresent(s -> create.put("subType", s));
    create.put("config", new LinkedHashMap<>(component.config()));
    return create;
  }

  /** Keycloak made these in every realm: comparing them is fine, deleting them never. */
  static boolean builtIn(Live component) {
    return builtIn(component.parent(), component.providerType(), component.name());
  }

  /** Never recorded as realmctl's, so a spec that stops declaring one never prunes it. */
  static boolean builtIn(Optional<String> parent, String providerType, String name) {
    return parent.isEmpty()
        && (providerType.equals(REGISTRATION_POLICY)
            || (providerType.equals(KEY_PROVIDER) && BUILT_IN_KEYS.contains(name)));
  }

  @Override
  public List<Owned> owned() {
    return List.of(new Owner("components", false), new Owner("subComponents", true));
  }

  private record Owner(String key, boolean sub) implements Owned {
    @Override
    public Optional<String> recordedName(ResourceId id) {
      if (sub) {
        return id instanceof SubId component ? Optional.of(component.key()) : Optional.empty();
      }
      return id instanceof Id component ? Optional.of(component.key()) : Optional.empty();
    }

    public Set<String> declared(RealmSpec spec) {
      return spec.of(ComponentSpec.SECTION).stream()
          .filter(c -> c.parent().isPresent() == sub)
          .filter(c -> !builtIn(c.parent(), c.providerType(), c.name()))
          .map(ComponentSpec::key)
          .collect(Collectors.toSet());
    }

    public Set<String> live(LiveRealm live) {
      return live.part(LIVE).values().stream()
          .filter(c -> c.parent().isPresent() == sub)
          .map(Live::key)
          .collect(Collectors.toSet());
    }

    public Optional<Change> delete(String realm, String name, LiveRealm live, Pruning pruning) {
      Live component = live.part(LIVE).get(name);
      if (builtIn(component)
          || component.parent().map(p -> pruning.gone("components").contains(p)).orElse(false)) {
        return Optional.empty();
      }
      Map<String, Object> before = new LinkedHashMap<>();
      before.put("name", component.name());
      before.put("providerId", component.providerId());
      ResourceId id =
          component
              .parent()
              .<ResourceId>map(p -> new SubId(realm, p, name))
              .orElseGet(() -> new Id(realm, name));
      return Optional.of(Change.delete(id, before));
    }
  }
}
