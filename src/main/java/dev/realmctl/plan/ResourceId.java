package dev.realmctl.plan;

import java.util.Optional;

/**
 * The natural key of a managed resource. Plans carry natural keys only, never Keycloak's internal
 * ids, so a plan can be computed, printed and reviewed before anything exists. The ids of kinds
 * added on the one-place-per-kind design live in their planner's file.
 */
public interface ResourceId {

  String realm();

  Kind kind();

  /** Terraform-style address inside the realm, e.g. {@code clients/client-app}. */
  String path();

  /**
   * What two resources of a realm cannot both hold at once. Most resources hold only their own
   * place; a scope is either a default or an optional scope of a client, never both.
   */
  default Object place() {
    return this;
  }

  /**
   * How deep a resource stands within its kind: one that holds others of its kind (a group its
   * sub-groups) is created before them and deleted after them, so they never run side by side.
   */
  default int level() {
    return 0;
  }

  record Realm(String realm) implements ResourceId {
    public Kind kind() {
      return Kind.REALM;
    }

    public String path() {
      return "realm";
    }
  }

  /** realmctl's record of what it owns in a realm, kept in a realm attribute. */
  record Ownership(String realm) implements ResourceId {
    public Kind kind() {
      return Kind.OWNERSHIP;
    }

    public String path() {
      return "ownership";
    }
  }

  record ClientScope(String realm, String name) implements ResourceId {
    public Kind kind() {
      return Kind.CLIENT_SCOPE;
    }

    public String path() {
      return "clientScopes/" + name;
    }
  }

  record Client(String realm, String clientId) implements ResourceId {
    public Kind kind() {
      return Kind.CLIENT;
    }

    public String path() {
      return "clients/" + clientId;
    }
  }

  record Role(String realm, Optional<String> clientId, String name) implements ResourceId {
    public Kind kind() {
      return Kind.ROLE;
    }

    public String path() {
      return clientId.map(c -> "roles/client/" + c + "/").orElse("roles/realm/") + name;
    }
  }

  enum MapperOwner {
    CLIENT("clients"),
    CLIENT_SCOPE("clientScopes");

    private final String segment;

    MapperOwner(String segment) {
      this.segment = segment;
    }

    public String segment() {
      return segment;
    }
  }

  record ProtocolMapper(String realm, MapperOwner owner, String ownerName, String name)
      implements ResourceId {
    public Kind kind() {
      return Kind.PROTOCOL_MAPPER;
    }

    public String path() {
      return owner.segment() + "/" + ownerName + "/protocolMappers/" + name;
    }
  }

  record ScopeLink(String realm, String clientId, String scope, boolean isDefault)
      implements ResourceId {
    public Kind kind() {
      return Kind.SCOPE_LINK;
    }

    public String path() {
      return "clients/"
          + clientId
          + (isDefault ? "/defaultClientScopes/" : "/optionalClientScopes/")
          + scope;
    }

    @Override
    public Object place() {
      return new ScopeLink(realm, clientId, scope, true);
    }
  }

  /** A group by its path without the leading slash: {@code staff}, {@code staff/ops}. */
  record Group(String realm, String name) implements ResourceId {
    public Kind kind() {
      return Kind.GROUP;
    }

    public String path() {
      return "groups/" + name;
    }

    @Override
    public int level() {
      return (int) name.chars().filter(c -> c == '/').count();
    }

    /** The group it is a sub-group of. */
    public Optional<String> parent() {
      int slash = name.lastIndexOf('/');
      return slash < 0 ? Optional.empty() : Optional.of(name.substring(0, slash));
    }

    /**
     * The path a spec or an export writes ({@code /staff/ops}, or a bare {@code staff}) as a key.
     */
    public static String key(String written) {
      return written.startsWith("/") ? written.substring(1) : written;
    }
  }

  record User(String realm, String username, Optional<String> serviceAccountOf)
      implements ResourceId {
    public Kind kind() {
      return Kind.USER;
    }

    public String path() {
      return "users/" + username;
    }
  }

  /** What holds a role mapping. A client or client scope holds roles as its role scope. */
  enum Holder {
    USER("users/", ""),
    GROUP("groups/", ""),
    CLIENT("clients/", "/scopeMappings"),
    CLIENT_SCOPE("clientScopes/", "/scopeMappings");

    private final String prefix;
    private final String suffix;

    Holder(String prefix, String suffix) {
      this.prefix = prefix;
      this.suffix = suffix;
    }
  }

  /** Who holds a role mapping: a user (possibly a client's service account), a group, a scope. */
  record Subject(Holder holder, String name, Optional<String> serviceAccountOf) {
    public static Subject user(String username, Optional<String> serviceAccountOf) {
      return new Subject(Holder.USER, username, serviceAccountOf);
    }

    public static Subject group(String name) {
      return new Subject(Holder.GROUP, name, Optional.empty());
    }

    public static Subject client(String clientId) {
      return new Subject(Holder.CLIENT, clientId, Optional.empty());
    }

    public static Subject clientScope(String name) {
      return new Subject(Holder.CLIENT_SCOPE, name, Optional.empty());
    }

    /** The client or client scope whose role scope a spec's scope mapping declares. */
    public static Subject of(dev.realmctl.spec.ScopeMappingSpec mapping) {
      return mapping
          .client()
          .map(Subject::client)
          .orElseGet(() -> clientScope(mapping.clientScope().orElseThrow()));
    }

    String path() {
      return holder.prefix + name + holder.suffix;
    }
  }

  record RoleMapping(String realm, Subject subject, Optional<String> clientId, String role)
      implements ResourceId {
    public Kind kind() {
      return Kind.ROLE_MAPPING;
    }

    public String path() {
      return subject.path()
          + clientId.map(c -> "/clientRoles/" + c + "/").orElse("/realmRoles/")
          + role;
    }
  }

  /** A user's membership of a group, the group by its path as in {@link Group}. */
  record Membership(String realm, String username, String group) implements ResourceId {
    public Kind kind() {
      return Kind.MEMBERSHIP;
    }

    public String path() {
      return "users/" + username + "/groups/" + group;
    }
  }
}
