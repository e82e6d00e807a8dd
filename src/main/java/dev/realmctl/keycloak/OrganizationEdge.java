package dev.realmctl.keycloak;

import dev.realmctl.plan.Change;
import dev.realmctl.plan.IdentityProviderPlanner;
import dev.realmctl.plan.Kind;
import dev.realmctl.plan.LiveRealm;
import dev.realmctl.plan.OrganizationPlanner;
import dev.realmctl.plan.OrganizationPlanner.IdentityProviderLinkId;
import dev.realmctl.plan.OrganizationPlanner.Live;
import dev.realmctl.plan.OrganizationPlanner.MemberId;
import dev.realmctl.plan.OrganizationPlanner.Organizations;
import dev.realmctl.plan.Ownership;
import dev.realmctl.plan.UserPlanner;
import dev.realmctl.spec.IdentityProviderSpec;
import dev.realmctl.spec.OrganizationSpec;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.UserSpec;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.keycloak.admin.client.resource.OrganizationResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.MemberRepresentation;
import org.keycloak.representations.idm.MembershipType;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Organizations, their linked identity providers and members. Keycloak pages organization and
 * member lists (ten by default), so both are read page by page; the list is asked for whole
 * representations, since the brief ones leave out attributes.
 */
final class OrganizationEdge implements KindEdge {
  private static final int PAGE = 100;

  @Override
  public Map<Kind, ChangeWriter<?>> writers() {
    return Map.of(
        Kind.ORGANIZATION, new OrganizationWriter(),
        Kind.ORGANIZATION_IDENTITY_PROVIDER, new ProviderLinks(),
        Kind.ORGANIZATION_MEMBER, new Members());
  }

  /**
   * One request for the list, two per organization for its links, and only what the references need
   * beyond that; none when organizations do not matter or the realm has them switched off.
   */
  @Override
  public LiveRealm read(RealmSpec spec, RealmRead read, LiveRealm live) {
    RealmResource realm = read.realm();
    RealmIds ids = read.ids();
    boolean owned = !Ownership.recordedIn(live.settings()).of("organizations").isEmpty();
    if (!(spec.declares(OrganizationSpec.SECTION) || owned) || !enabled(realm, live)) {
      return live;
    }
    Map<String, Live> byAlias = new HashMap<>();
    for (int first = 0; ; first += PAGE) {
      List<OrganizationRepresentation> page =
          realm.organizations().search(null, false, first, PAGE, false);
      for (OrganizationRepresentation org : page) {
        ids.byPath.put(path(org.getAlias()), org.getId());
        OrganizationResource resource = realm.organizations().get(org.getId());
        Set<String> providers = new HashSet<>();
        resource
            .identityProviders()
            .getIdentityProviders()
            .forEach(idp -> providers.add(idp.getAlias()));
        Set<String> members = new HashSet<>();
        Set<String> managed = new HashSet<>();
        for (int from = 0; ; from += PAGE) {
          List<MemberRepresentation> batch = resource.members().list(from, PAGE, true);
          for (MemberRepresentation member : batch) {
            ids.users.putIfAbsent(member.getUsername(), member.getId());
            (member.getMembershipType() == MembershipType.MANAGED ? managed : members)
                .add(member.getUsername());
          }
          if (batch.size() < PAGE) {
            break;
          }
        }
        Map<String, Object> fields = Json.toMap(org);
        fields.remove("members");
        fields.remove("identityProviders");
        byAlias.put(org.getAlias(), new Live(fields, providers, members, managed));
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    return live.with(
        OrganizationPlanner.LIVE,
        new Organizations(
            byAlias, users(spec, realm, ids, live, byAlias), providers(spec, realm, live)));
  }

  /** An export reads without the realm's settings; a plan always has them. */
  private static boolean enabled(RealmResource realm, LiveRealm live) {
    Object enabled =
        live.settings().containsKey("organizationsEnabled")
            ? live.settings().get("organizationsEnabled")
            : realm.toRepresentation().isOrganizationsEnabled();
    return Boolean.TRUE.equals(enabled);
  }

  /** Members the spec names that neither the spec nor the snapshot knows: one search each. */
  private static Set<String> users(
      RealmSpec spec, RealmResource realm, RealmIds ids, LiveRealm live, Map<String, Live> orgs) {
    Set<String> known = new HashSet<>(live.part(UserPlanner.LIVE).keySet());
    spec.of(UserSpec.SECTION).stream().map(UserSpec::username).forEach(known::add);
    orgs.values().forEach(org -> known.addAll(org.members()));
    Set<String> found = new HashSet<>();
    for (OrganizationSpec org : spec.of(OrganizationSpec.SECTION)) {
      for (String username : org.members().map(Map::keySet).orElse(Set.of())) {
        if (known.add(username)) {
          for (UserRepresentation user : realm.users().searchByUsername(username, true)) {
            ids.users.put(user.getUsername(), user.getId());
            found.add(user.getUsername());
          }
        }
      }
    }
    return found;
  }

  /** The realm's provider aliases, read only when a link names one the snapshot lacks. */
  private static Set<String> providers(RealmSpec spec, RealmResource realm, LiveRealm live) {
    Set<String> known = new HashSet<>(live.part(IdentityProviderPlanner.LIVE).keySet());
    spec.of(IdentityProviderSpec.SECTION).forEach(idp -> known.add(idp.alias()));
    boolean lacking =
        spec.of(OrganizationSpec.SECTION).stream()
            .flatMap(org -> org.identityProviders().map(Map::keySet).orElse(Set.of()).stream())
            .anyMatch(alias -> !known.contains(alias));
    if (!lacking) {
      return Set.of();
    }
    Set<String> aliases = new HashSet<>();
    realm.identityProviders().findAll().forEach(idp -> aliases.add(idp.getAlias()));
    return aliases;
  }

  @Override
  public void export(String realm, LiveRealm live, Map<String, Object> spec, List<String> notes) {
    // Organizations are refused without it; the realm fields the exporter writes leave it out.
    if (Boolean.TRUE.equals(live.settings().get("organizationsEnabled"))) {
      spec.put("organizationsEnabled", true);
    }
    List<Map<String, Object>> organizations = new ArrayList<>();
    new TreeMap<>(live.part(OrganizationPlanner.LIVE).byAlias())
        .values()
        .forEach(
            org -> {
              Map<String, Object> out = new LinkedHashMap<>(org.fields());
              out.remove("id");
              if (out.get("attributes") instanceof Map<?, ?> attributes && attributes.isEmpty()) {
                out.remove("attributes");
              }
              List<Map<String, Object>> links = new ArrayList<>();
              new TreeSet<>(org.identityProviders()).forEach(a -> links.add(Map.of("alias", a)));
              out.put("identityProviders", links);
              List<Map<String, Object>> members = new ArrayList<>();
              new TreeSet<>(org.members()).forEach(u -> members.add(Map.of("username", u)));
              out.put("members", members);
              organizations.add(out);
            });
    if (!organizations.isEmpty()) {
      spec.put("organizations", organizations);
    }
  }

  static String path(String alias) {
    return "organizations/" + alias;
  }

  private static OrganizationResource organization(Target target, String realm, String alias) {
    String id =
        target
            .ids(realm)
            .byPath
            .computeIfAbsent(
                path(alias),
                p ->
                    target.realm(realm).organizations().search(null, false, 0, 1000, true).stream()
                        .filter(org -> alias.equals(org.getAlias()))
                        .map(OrganizationRepresentation::getId)
                        .findFirst()
                        .orElseThrow(
                            () -> new Target.Absent("organization '" + alias + "' not found")));
    return target.realm(realm).organizations().get(id);
  }

  /** Keycloak answers organization writes with a response to check, not an exception. */
  private static void ok(Response response) {
    try (response) {
      if (response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        throw new WebApplicationException(
            ("HTTP " + response.getStatus() + " " + body).strip(), response.getStatus());
      }
    }
  }

  private static final class OrganizationWriter implements ChangeWriter<OrganizationPlanner.Id> {
    @Override
    public Class<OrganizationPlanner.Id> idType() {
      return OrganizationPlanner.Id.class;
    }

    public void create(OrganizationPlanner.Id id, Change change, Target target) {
      String created =
          Target.createdId(
              target
                  .realm(id.realm())
                  .organizations()
                  .create(Json.toRepresentation(change.after(), OrganizationRepresentation.class)));
      target.ids(id.realm()).byPath.put(path(id.alias()), created);
    }

    @Override
    public boolean exists(OrganizationPlanner.Id id, Change change, Target target) {
      return ChangeWriter.found(() -> organization(target, id.realm(), id.alias()));
    }

    public void update(OrganizationPlanner.Id id, Change change, Target target) {
      OrganizationResource org = organization(target, id.realm(), id.alias());
      ok(
          org.update(
              Json.overlay(
                  org.toRepresentation(), change.after(), OrganizationRepresentation.class)));
    }

    public void delete(OrganizationPlanner.Id id, Change change, Target target) {
      ok(organization(target, id.realm(), id.alias()).delete());
      target.ids(id.realm()).byPath.remove(path(id.alias()));
    }
  }

  private static final class ProviderLinks implements ChangeWriter<IdentityProviderLinkId> {
    @Override
    public Class<IdentityProviderLinkId> idType() {
      return IdentityProviderLinkId.class;
    }

    public void create(IdentityProviderLinkId id, Change change, Target target) {
      ok(
          organization(target, id.realm(), id.organization())
              .identityProviders()
              .addIdentityProvider(id.alias()));
    }

    @Override
    public boolean exists(IdentityProviderLinkId id, Change change, Target target) {
      return organization(target, id.realm(), id.organization())
          .identityProviders()
          .getIdentityProviders()
          .stream()
          .map(IdentityProviderRepresentation::getAlias)
          .anyMatch(id.alias()::equals);
    }

    public void update(IdentityProviderLinkId id, Change change, Target target) {
      throw new UnsupportedOperationException("a link is created or deleted, never updated");
    }

    public void delete(IdentityProviderLinkId id, Change change, Target target) {
      ok(
          organization(target, id.realm(), id.organization())
              .identityProviders()
              .get(id.alias())
              .delete());
    }
  }

  private static final class Members implements ChangeWriter<MemberId> {
    @Override
    public Class<MemberId> idType() {
      return MemberId.class;
    }

    public void create(MemberId id, Change change, Target target) {
      ok(
          organization(target, id.realm(), id.organization())
              .members()
              .addMember(userId(target, id)));
    }

    @Override
    public boolean exists(MemberId id, Change change, Target target) {
      return ChangeWriter.found(
          () ->
              organization(target, id.realm(), id.organization())
                  .members()
                  .member(userId(target, id))
                  .toRepresentation());
    }

    public void update(MemberId id, Change change, Target target) {
      throw new UnsupportedOperationException("a membership is created or deleted, never updated");
    }

    public void delete(MemberId id, Change change, Target target) {
      ok(
          organization(target, id.realm(), id.organization())
              .members()
              .member(userId(target, id))
              .delete());
    }

    private static String userId(Target target, MemberId id) {
      target.user(id.realm(), id.username(), java.util.Optional.empty());
      return target.ids(id.realm()).users.get(id.username());
    }
  }
}
