package dev.realmctl.keycloak;

import dev.realmctl.plan.Change;
import dev.realmctl.plan.ComponentPlanner;
import dev.realmctl.plan.ComponentPlanner.Id;
import dev.realmctl.plan.ComponentPlanner.Live;
import dev.realmctl.plan.ComponentPlanner.SubId;
import dev.realmctl.plan.Kind;
import dev.realmctl.plan.LiveRealm;
import dev.realmctl.plan.Ownership;
import dev.realmctl.plan.ResourceId;
import dev.realmctl.spec.ComponentSpec;
import dev.realmctl.spec.RealmSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ComponentRepresentation;

/**
 * Components, read in one request ({@code GET /components}: every component of the realm, sub-
 * components included). Keycloak shows secrets masked and keeps the stored one when an update sends
 * the mask back, so updates lay changes over what was read and secrets are sent on create only. A
 * generated key provider's key material is not shown at all: an update never regenerates it.
 */
final class ComponentEdge implements KindEdge {

  @Override
  public Map<Kind, ChangeWriter<?>> writers() {
    return Map.of(Kind.COMPONENT, new TopComponents(), Kind.SUB_COMPONENT, new SubComponents());
  }

  @Override
  public LiveRealm read(RealmSpec spec, RealmRead read, LiveRealm live) {
    RealmResource realm = read.realm();
    RealmIds ids = read.ids();
    Ownership recorded = Ownership.recordedIn(live.settings());
    if (!spec.declares(ComponentSpec.SECTION)
        && recorded.of("components").isEmpty()
        && recorded.of("subComponents").isEmpty()) {
      return live;
    }
    // An export reads with no realm settings: it asks for the id.
    String realmId =
        live.settings().get("id") instanceof String id ? id : realm.toRepresentation().getId();
    List<ComponentRepresentation> all = realm.components().query();
    Map<String, String> keyById = new HashMap<>();
    Map<String, Live> components = new HashMap<>();
    for (ComponentRepresentation c : all) {
      if (realmId.equals(c.getParentId())
          && !ComponentSpec.USER_PROFILE.equals(c.getProviderType())) {
        Live one = live(c, Optional.empty());
        keyById.put(c.getId(), one.key());
        components.put(one.key(), one);
      }
    }
    for (ComponentRepresentation c : all) {
      String parent = keyById.get(c.getParentId());
      if (parent != null) {
        Live one = live(c, Optional.of(parent));
        components.put(one.key(), one);
      }
    }
    components.forEach((key, c) -> ids.byPath.put(path(key), c.id()));
    return live.with(ComponentPlanner.LIVE, components);
  }

  private static Live live(ComponentRepresentation c, Optional<String> parent) {
    Map<String, List<String>> config = new TreeMap<>();
    if (c.getConfig() != null) {
      c.getConfig().forEach((k, v) -> config.put(k, List.copyOf(v)));
    }
    return new Live(
        c.getId(),
        parent,
        c.getProviderType(),
        c.getName(),
        Optional.ofNullable(c.getSubType()),
        c.getProviderId(),
        config);
  }

  /**
   * Every component but the user profile (its own section's); masked secrets become {@code
   * ${env:...}} references named in the notes.
   */
  @Override
  public void export(String realm, LiveRealm live, Map<String, Object> spec, List<String> notes) {
    Map<String, Live> all = live.part(ComponentPlanner.LIVE);
    Map<String, Object> byType = tree(realm, all, Optional.empty(), notes);
    if (!byType.isEmpty()) {
      spec.put("components", byType);
    }
  }

  private static Map<String, Object> tree(
      String realm, Map<String, Live> all, Optional<String> parent, List<String> notes) {
    Map<String, Object> byType = new TreeMap<>();
    all.values().stream()
        .filter(c -> c.parent().equals(parent))
        .sorted(Comparator.comparing(Live::key))
        .forEach(
            c -> {
              Map<String, Object> out = new LinkedHashMap<>();
              out.put("name", c.name());
              out.put("providerId", c.providerId());
              c.subType().ifPresent(s -> out.put("subType", s));
              Map<String, Object> config = new TreeMap<>();
              c.config()
                  .forEach(
                      (key, values) -> {
                        if (values.contains(ComponentPlanner.MASK)) {
                          String variable =
                              ExportFields.envName(realm, c.name() + "_" + key)
                                  .replaceAll("_SECRET$", "");
                          config.put(key, List.of("${env:" + variable + "}"));
                          notes.add(
                              "component "
                                  + c.name()
                                  + ": "
                                  + key
                                  + " not exported; set "
                                  + variable);
                        } else {
                          config.put(key, values);
                        }
                      });
              Map<String, Object> children = tree(realm, all, Optional.of(c.key()), notes);
              if (!children.isEmpty()) {
                out.put("subComponents", children);
              }
              out.put("config", config);
              @SuppressWarnings("unchecked")
              List<Object> list =
                  (List<Object>) byType.computeIfAbsent(c.providerType(), t -> new ArrayList<>());
              list.add(out);
            });
    return byType;
  }

  static String path(String key) {
    return "components/" + key;
  }

  /** A component of the realm: its parent is the realm. */
  private static final class TopComponents extends Components<Id> {
    TopComponents() {
      super(Id.class);
    }

    String key(Id id) {
      return id.key();
    }

    String parentId(Target target, Id id) {
      return target.realm(id.realm()).toRepresentation().getId();
    }
  }

  /** A sub-component: its parent is the component keyed {@code parent}, made before it. */
  private static final class SubComponents extends Components<SubId> {
    SubComponents() {
      super(SubId.class);
    }

    String key(SubId id) {
      return id.key();
    }

    String parentId(Target target, SubId id) {
      return Components.lookup(target, id.realm(), id.parent())
          .orElseThrow(() -> new Target.Absent("component " + id.parent() + " not found"));
    }
  }

  private abstract static class Components<I extends ResourceId> implements ChangeWriter<I> {
    private final Class<I> idType;

    Components(Class<I> idType) {
      this.idType = idType;
    }

    @Override
    public Class<I> idType() {
      return idType;
    }

    abstract String key(I id);

    abstract String parentId(Target target, I id);

    public void create(I id, Change change, Target target) {
      String realm = id.realm();
      String key = key(id);
      // Keycloak makes an LDAP provider's default mappers itself: a declared one of the same name
      // is that one, made right rather than made twice.
      Optional<String> existing = find(target, id);
      if (existing.isPresent()) {
        update(id, change, target);
        return;
      }
      Map<String, Object> fields = new LinkedHashMap<>(change.after());
      fields.put("parentId", parentId(target, id));
      String created =
          Target.createdId(
              target
                  .realm(realm)
                  .components()
                  .add(Json.toRepresentation(fields, ComponentRepresentation.class)));
      target.ids(realm).byPath.put(path(key), created);
    }

    @Override
    public boolean exists(I id, Change change, Target target) {
      return find(target, id).isPresent();
    }

    public void update(I id, Change change, Target target) {
      String realm = id.realm();
      String uuid = find(target, id).orElseThrow(() -> new Target.Absent(key(id)));
      var resource = target.realm(realm).components().component(uuid);
      Map<String, Object> changes = new LinkedHashMap<>(change.after());
      if (change.action() == dev.realmctl.plan.Action.CREATE) {
        // Only the config travels onto an existing component; its identity stays.
        changes.keySet().retainAll(List.of("config"));
      }
      // Keycloak's component PUT replaces the config whole (a masked secret it keeps), so the write
      // is the representation read just before it with the planned config laid over it.
      ComponentRepresentation fresh = resource.toRepresentation();
      if (change.action() == dev.realmctl.plan.Action.UPDATE) {
        PlannedFields.check(
            change,
            Json.toMap(fresh),
            target,
            AdminEvents.Resource.at("components/" + uuid, "COMPONENT"));
      }
      resource.update(Json.overlay(fresh, changes, ComponentRepresentation.class));
    }

    public void delete(I id, Change change, Target target) {
      String realm = id.realm();
      find(target, id).ifPresent(uuid -> target.realm(realm).components().removeComponent(uuid));
    }

    private Optional<String> find(Target target, I id) {
      return lookup(target, id.realm(), key(id));
    }

    /** The id by key: from the read, else one query over the realm's components. */
    private static Optional<String> lookup(Target target, String realm, String key) {
      RealmIds ids = target.ids(realm);
      String known = ids.byPath.get(path(key));
      if (known != null) {
        return Optional.of(known);
      }
      String realmId = target.realm(realm).toRepresentation().getId();
      List<ComponentRepresentation> all = target.realm(realm).components().query();
      Map<String, String> keyById = new HashMap<>();
      for (ComponentRepresentation c : all) {
        if (Objects.equals(realmId, c.getParentId())) {
          keyById.put(c.getId(), live(c, Optional.empty()).key());
        }
      }
      for (ComponentRepresentation c : all) {
        String parent = keyById.get(c.getParentId());
        String found =
            parent != null
                ? live(c, Optional.of(parent)).key()
                : Objects.equals(realmId, c.getParentId()) ? keyById.get(c.getId()) : null;
        if (key.equals(found)) {
          ids.byPath.put(path(key), c.getId());
          return Optional.of(c.getId());
        }
      }
      return Optional.empty();
    }
  }
}
