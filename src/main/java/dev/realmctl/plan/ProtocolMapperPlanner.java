package dev.realmctl.plan;

import dev.realmctl.spec.ProtocolMapperSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The mappers of an existing client or scope; a declared list is the exact set, except mappers
 * Keycloak attached by itself.
 */
public final class ProtocolMapperPlanner {

  public enum Owner {
    CLIENT("clients"),
    CLIENT_SCOPE("clientScopes");

    private final String segment;

    Owner(String segment) {
      this.segment = segment;
    }

    public String segment() {
      return segment;
    }
  }

  public record Id(String realm, Owner owner, String ownerName, String name) implements ResourceId {
    public Kind kind() {
      return Kind.PROTOCOL_MAPPER;
    }

    public String path() {
      return owner.segment() + "/" + ownerName + "/protocolMappers/" + name;
    }
  }

  private ProtocolMapperPlanner() {}

  static void plan(
      String realm,
      Owner owner,
      String ownerName,
      List<ProtocolMapperSpec> desired,
      Map<String, Map<String, Object>> live,
      Set<String> keycloakAttached,
      PlanBuilder out) {
    out.add(diff(realm, owner, ownerName, desired, live, keycloakAttached));
  }

  /** The declared mappers against the live ones, pure. */
  static Diff diff(
      String realm,
      Owner owner,
      String ownerName,
      List<ProtocolMapperSpec> desired,
      Map<String, Map<String, Object>> live,
      Set<String> keycloakAttached) {
    Diff diff = Diff.NONE;
    for (ProtocolMapperSpec mapper : desired) {
      var id = new Id(realm, owner, ownerName, mapper.name());
      Map<String, Object> existing = live.get(mapper.name());
      diff =
          diff.plus(
              existing == null
                  ? Diff.change(Change.create(id, representation(mapper)).at(mapper.origin()))
                  : Diff.update(id, FieldDiff.between(mapper.fields(), existing), mapper.origin()));
    }
    var declared = desired.stream().map(ProtocolMapperSpec::name).toList();
    for (var entry : live.entrySet()) {
      if (!declared.contains(entry.getKey()) && !keycloakAttached.contains(entry.getKey())) {
        diff =
            diff.plus(
                Diff.change(
                    Change.delete(
                        new Id(realm, owner, ownerName, entry.getKey()), entry.getValue())));
      }
    }
    return diff;
  }

  /** Each mapper's type must be one the server has, refused at its line otherwise. */
  static void checkProviders(Optional<List<ProtocolMapperSpec>> mappers, PlanBuilder out) {
    for (ProtocolMapperSpec mapper : mappers.orElse(List.of())) {
      String protocol = String.valueOf(mapper.fields().getOrDefault("protocol", "openid-connect"));
      String type = String.valueOf(mapper.fields().get("protocolMapper"));
      out.providers
          .missing(ServerProviders.protocolMapper(protocol), type, protocol + " protocol mapper")
          .ifPresent(
              problem -> out.problems.error(mapper.origin().valueAt("protocolMapper"), problem));
    }
  }

  static Map<String, Object> representation(ProtocolMapperSpec mapper) {
    Map<String, Object> rep = new LinkedHashMap<>();
    rep.put("name", mapper.name());
    rep.putAll(mapper.fields());
    return rep;
  }

  static List<Map<String, Object>> representations(List<ProtocolMapperSpec> mappers) {
    return mappers.stream().map(ProtocolMapperPlanner::representation).toList();
  }
}
