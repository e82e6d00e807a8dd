package dev.realmctl.keycloak;

import dev.realmctl.plan.Change;
import dev.realmctl.plan.Kind;
import dev.realmctl.plan.LiveRealm;
import dev.realmctl.plan.Ownership;
import dev.realmctl.plan.RequiredActionPlanner;
import dev.realmctl.plan.RequiredActionPlanner.Id;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.RequiredActionSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.keycloak.admin.client.resource.AuthenticationManagementResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RequiredActionProviderRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderSimpleRepresentation;

/**
 * Required actions: two reads (registered, and offered but unregistered), none when none matter.
 */
final class RequiredActionEdge implements KindEdge {

  @Override
  public Map<Kind, ChangeWriter<?>> writers() {
    return Map.of(Kind.REQUIRED_ACTION, new Actions());
  }

  @Override
  public LiveRealm read(RealmSpec spec, RealmRead read, LiveRealm live) {
    RealmResource realm = read.realm();
    RealmIds ids = read.ids();
    boolean owned = !Ownership.recordedIn(live.settings()).of("requiredActions").isEmpty();
    if (!spec.declares(RequiredActionSpec.SECTION) && !owned) {
      return live;
    }
    Map<String, Map<String, Object>> registered = new HashMap<>();
    for (RequiredActionProviderRepresentation action : realm.flows().getRequiredActions()) {
      registered.put(action.getAlias(), Json.toMap(action));
    }
    Map<String, String> unregistered = new HashMap<>();
    for (RequiredActionProviderSimpleRepresentation offered :
        realm.flows().getUnregisteredRequiredActions()) {
      unregistered.put(offered.getProviderId(), offered.getName());
    }
    return live.with(
        RequiredActionPlanner.LIVE,
        Optional.of(new RequiredActionPlanner.Live(registered, unregistered)));
  }

  @Override
  public void export(String realm, LiveRealm live, Map<String, Object> spec, List<String> notes) {
    live.part(RequiredActionPlanner.LIVE)
        .ifPresent(
            read -> {
              List<Map<String, Object>> actions = new ArrayList<>();
              new TreeMap<>(read.registered())
                  .values().stream()
                      .sorted(
                          java.util.Comparator.comparing(
                              a -> a.get("priority") instanceof Number n ? n.intValue() : 0))
                      .forEach(
                          action -> {
                            Map<String, Object> out = new LinkedHashMap<>();
                            for (String field :
                                List.of(
                                    "alias",
                                    "name",
                                    "providerId",
                                    "enabled",
                                    "defaultAction",
                                    "priority",
                                    "config")) {
                              if (action.get(field) != null) {
                                out.put(field, action.get(field));
                              }
                            }
                            actions.add(out);
                          });
              if (!actions.isEmpty()) {
                spec.put("requiredActions", actions);
              }
            });
  }

  private static AuthenticationManagementResource flows(Target target, String realm) {
    return target.realm(realm).flows();
  }

  private static final class Actions implements ChangeWriter<Id> {
    @Override
    public Class<Id> idType() {
      return Id.class;
    }

    /**
     * Registers the provider unless the realm has it already (a new realm gets Keycloak's defaults
     * by itself), then sets the declared fields.
     */
    public void create(Id id, Change change, Target target) {
      var flows = flows(target, id.realm());
      String providerId = String.valueOf(change.after().get("providerId"));
      if (!exists(id, change, target)) {
        var offered =
            flows.getUnregisteredRequiredActions().stream()
                .filter(a -> a.getProviderId().equals(providerId))
                .findFirst()
                .orElseThrow(
                    () ->
                        new Target.Absent(
                            "required action provider '" + providerId + "' is not offered"));
        flows.registerRequiredAction(offered);
      }
      Map<String, Object> fields = new LinkedHashMap<>(change.after());
      fields.remove("alias");
      fields.remove("providerId");
      flows.updateRequiredAction(
          id.alias(),
          Json.overlay(
              flows.getRequiredAction(id.alias()),
              fields,
              RequiredActionProviderRepresentation.class));
    }

    @Override
    public boolean exists(Id id, Change change, Target target) {
      return ChangeWriter.found(() -> flows(target, id.realm()).getRequiredAction(id.alias()));
    }

    public void update(Id id, Change change, Target target) {
      var flows = flows(target, id.realm());
      flows.updateRequiredAction(
          id.alias(),
          Json.overlay(
              flows.getRequiredAction(id.alias()),
              change.after(),
              RequiredActionProviderRepresentation.class));
    }

    public void delete(Id id, Change change, Target target) {
      flows(target, id.realm()).removeRequiredAction(id.alias());
    }
  }
}
