package dev.realmctl.plan;

import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.UserSpec;
import dev.realmctl.spec.UserSpec.FederatedIdentity;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A user's links to accounts at identity providers. A user declaring {@code federatedIdentities}
 * has exactly those; Keycloak cannot change a link, so a changed one is removed, then made again.
 */
public final class FederatedIdentityPlanner implements ResourcePlanner {

  /** A user's link at one provider: at most one per provider. */
  public record Id(String realm, String username, String identityProvider) implements ResourceId {
    public Kind kind() {
      return Kind.FEDERATED_IDENTITY;
    }

    public String path() {
      return "users/" + username + "/federatedIdentities/" + identityProvider;
    }
  }

  /** The links read, by username, then by provider: each {@code userId} and {@code userName}. */
  public static final LivePart<Map<String, Map<String, Map<String, Object>>>> LIVE =
      new LivePart<>("federatedIdentities", Map.of());

  @Override
  public void plan(RealmSpec spec, LiveRealm live, PlanBuilder out) {
    Set<String> providers =
        new java.util.HashSet<>(live.part(IdentityProviderPlanner.LIVE).keySet());
    spec.of(dev.realmctl.spec.IdentityProviderSpec.SECTION).forEach(p -> providers.add(p.alias()));
    for (UserSpec user : spec.of(UserSpec.SECTION)) {
      if (user.federatedIdentities().isEmpty()) {
        continue;
      }
      Map<String, Map<String, Object>> have =
          live.part(LIVE).getOrDefault(user.username(), Map.of());
      Map<String, FederatedIdentity> want = new LinkedHashMap<>();
      for (FederatedIdentity link : user.federatedIdentities().get()) {
        if (!providers.contains(link.identityProvider())) {
          out.problems.error(
              link.origin().at("identityProvider"),
              "identity provider '"
                  + link.identityProvider()
                  + "' exists neither in the spec nor in realm '"
                  + spec.realm()
                  + "'");
        }
        want.put(link.identityProvider(), link);
      }
      want.forEach(
          (provider, link) -> {
            var id = new Id(spec.realm(), user.username(), provider);
            Map<String, Object> desired = representation(link);
            Map<String, Object> existing = have.get(provider);
            if (existing == null) {
              out.add(Change.create(id, desired).at(link.origin()));
            } else if (!FieldDiff.between(desired, existing).isEmpty()) {
              out.add(Change.delete(id, existing).at(link.origin()));
              out.add(Change.create(id, desired).at(link.origin()));
            } else {
              out.unchanged++;
            }
          });
      have.forEach(
          (provider, existing) -> {
            if (!want.containsKey(provider)) {
              out.add(
                  Change.delete(new Id(spec.realm(), user.username(), provider), existing)
                      .at(user.origin()));
            }
          });
    }
  }

  private static Map<String, Object> representation(FederatedIdentity link) {
    Map<String, Object> rep = new LinkedHashMap<>();
    rep.put("identityProvider", link.identityProvider());
    rep.put("userId", link.userId());
    rep.put("userName", link.userName());
    return rep;
  }
}
