package dev.realmctl.keycloak;

import dev.realmctl.plan.Change;
import dev.realmctl.plan.FederatedIdentityPlanner;
import dev.realmctl.plan.FederatedIdentityPlanner.Id;
import dev.realmctl.plan.Kind;
import dev.realmctl.plan.LiveRealm;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.UserSpec;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** Users' links to identity providers: one read per user that declares them. */
final class FederatedIdentityEdge implements KindEdge {

  @Override
  public Map<Kind, ChangeWriter<?>> writers() {
    return Map.of(Kind.FEDERATED_IDENTITY, new Links());
  }

  @Override
  public LiveRealm read(RealmSpec spec, RealmRead read, LiveRealm live) {
    RealmResource realm = read.realm();
    RealmIds ids = read.ids();
    Map<String, Map<String, Map<String, Object>>> links = new HashMap<>();
    for (UserSpec user : spec.of(UserSpec.SECTION)) {
      String id = ids.users.get(user.username());
      if (user.federatedIdentities().isPresent() && id != null) {
        links.put(user.username(), links(realm, id));
      }
    }
    return live.with(FederatedIdentityPlanner.LIVE, links);
  }

  @Override
  public LiveRealm readAll(String name, RealmRead read, LiveRealm live) {
    RealmResource realm = read.realm();
    RealmIds ids = read.ids();
    Map<String, Map<String, Map<String, Object>>> links = new HashMap<>();
    for (UserRepresentation user :
        RealmRead.paged((first, max) -> realm.users().list(first, max))) {
      Map<String, Map<String, Object>> userLinks = links(realm, user.getId());
      if (!userLinks.isEmpty()) {
        links.put(user.getUsername(), userLinks);
      }
    }
    return live.with(FederatedIdentityPlanner.LIVE, links);
  }

  /** Each exported user gets its links. */
  @Override
  public List<EntryFields> exportInto(String realm, LiveRealm live) {
    Map<String, Map<String, Object>> byUser = new HashMap<>();
    live.part(FederatedIdentityPlanner.LIVE)
        .forEach(
            (username, userLinks) ->
                byUser.put(
                    username,
                    Map.of(
                        "federatedIdentities",
                        List.copyOf(new java.util.TreeMap<>(userLinks).values()))));
    return List.of(new EntryFields("users", "username", byUser));
  }

  private static Map<String, Map<String, Object>> links(RealmResource realm, String userId) {
    Map<String, Map<String, Object>> links = new HashMap<>();
    for (FederatedIdentityRepresentation link : realm.users().get(userId).getFederatedIdentity()) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("identityProvider", link.getIdentityProvider());
      fields.put("userId", link.getUserId());
      fields.put("userName", link.getUserName());
      links.put(link.getIdentityProvider(), fields);
    }
    return links;
  }

  private static final class Links implements ChangeWriter<Id> {
    @Override
    public Class<Id> idType() {
      return Id.class;
    }

    public void create(Id id, Change change, Target target) {
      var response =
          target
              .user(id.realm(), id.username(), Optional.empty())
              .addFederatedIdentity(
                  id.identityProvider(),
                  Json.toRepresentation(change.after(), FederatedIdentityRepresentation.class));
      try (response) {
        if (response.getStatus() >= 300) {
          throw new jakarta.ws.rs.WebApplicationException(
              "HTTP " + response.getStatus(), response.getStatus());
        }
      }
    }

    public void update(Id id, Change change, Target target) {
      throw new UnsupportedOperationException("Keycloak replaces a link, never updates it");
    }

    public void delete(Id id, Change change, Target target) {
      target
          .user(id.realm(), id.username(), Optional.empty())
          .removeFederatedIdentity(id.identityProvider());
    }
  }
}
