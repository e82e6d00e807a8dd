package dev.realmctl.version;

import dev.realmctl.spec.ClientSpec;
import dev.realmctl.spec.GroupSpec;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.SpecKind;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything realmctl knows that differs between Keycloak versions, in one place, each difference
 * named by the version that changed it (measured on the server distributions 24.0.5 to 26.7.3; see
 * ci/keycloak-versions.txt). Code that must behave differently asks an instance for the server it
 * talks to; nothing else compares version numbers. A server newer than the newest tested behaves as
 * the newest known, since every entry says "from version N on".
 */
public final class VersionBehaviour {
  /**
   * The {@code basic} client scope (the {@code sub} and {@code auth_time} mappers); before, every
   * token had {@code sub}.
   */
  public static final KeycloakVersion BASIC_SCOPE = KeycloakVersion.of("25.0");

  /**
   * Organizations: the {@code organization} and {@code saml_organization} scopes, the organization
   * step in the browser flow, realm fields {@code organizationsEnabled}, {@code organizations}.
   */
  public static final KeycloakVersion ORGANIZATIONS = KeycloakVersion.of("26.0");

  /**
   * A fresh server's admin comes from {@code KC_BOOTSTRAP_ADMIN_USERNAME/PASSWORD}; before, from
   * {@code KEYCLOAK_ADMIN/KEYCLOAK_ADMIN_PASSWORD} (the new names are ignored).
   */
  public static final KeycloakVersion BOOTSTRAP_ADMIN_VARIABLES = KeycloakVersion.of("26.0");

  /**
   * The {@code service_account} client scope carries the "Client ID", "Client Host" and "Client IP
   * Address" mappers, and Keycloak attaches the scope to each client with service accounts; before,
   * Keycloak attached those three mappers to each such client itself.
   */
  public static final KeycloakVersion SERVICE_ACCOUNT_SCOPE = KeycloakVersion.of("26.1");

  /**
   * Hostname options v2: {@code --hostname} takes a whole URL; before, {@code --hostname-url} did
   * (v1, removed in 26).
   */
  public static final KeycloakVersion HOSTNAME_V2 = KeycloakVersion.of("25.0");

  /**
   * A management interface (health, metrics) on a port of its own, 9000 unless told: two servers on
   * one machine collide there ("Unable to start the management interface: Address already in use").
   */
  public static final KeycloakVersion MANAGEMENT_INTERFACE = KeycloakVersion.of("25.0");

  /**
   * Standard token exchange (v2: RFC 8693 between the clients of a realm, client attribute {@code
   * standard.token.exchange.enabled}), on by default; before, only the preview v1 behind a feature
   * flag.
   */
  public static final KeycloakVersion STANDARD_TOKEN_EXCHANGE = KeycloakVersion.of("26.2");

  /** A wrong password ({@code invalid_grant}) is answered 400; before, 401. */
  public static final KeycloakVersion INVALID_GRANT_IS_400 = KeycloakVersion.of("26.6");

  /** {@code start-dev} listens on localhost only; before, on every interface. */
  public static final KeycloakVersion DEV_MODE_BINDS_LOOPBACK = KeycloakVersion.of("26.6");

  /**
   * Lightweight access tokens (client attribute {@code
   * client.use.lightweight.access.token.enabled}, mapper switch {@code lightweight.claim}) exist on
   * every supported version; nothing to adapt, named here so the next reader need not measure it.
   */
  public static final KeycloakVersion LIGHTWEIGHT_ACCESS_TOKENS = KeycloakVersion.of("24.0");

  /**
   * The mappers Keycloak attached to service-account clients before {@link #SERVICE_ACCOUNT_SCOPE}.
   */
  static final Set<String> SERVICE_ACCOUNT_MAPPERS =
      Set.of("Client ID", "Client Host", "Client IP Address");

  /** Client scopes in every new realm of every supported version. */
  private static final Set<String> ALWAYS_BUILT_IN_SCOPES =
      Set.of(
          "acr",
          "address",
          "email",
          "microprofile-jwt",
          "offline_access",
          "phone",
          "profile",
          "role_list",
          "roles",
          "web-origins");

  /**
   * A built-in scope some versions create whose first version is not pinned down: treated as
   * Keycloak's (never exported, never pruned) but not expected in a new realm. None now: {@code
   * AuthnContextClassRef} is pinned at 26.6 (in 26.7.3's new realms, not in 26.5.6's), as a new
   * realm's scope the corpus round trip needs.
   */
  private static final Set<String> BUILT_IN_SCOPES_UNMEASURED = Set.of();

  /** Built-in client scopes that a new realm has only from a version on. */
  private static final Map<String, KeycloakVersion> BUILT_IN_SCOPES_SINCE =
      Map.of(
          "basic", BASIC_SCOPE,
          // In 26.7.3's new realms, not in 26.5.6's; 26.6 was never on Maven Central to tell.
          "AuthnContextClassRef", KeycloakVersion.of("26.6"),
          "organization", ORGANIZATIONS,
          "saml_organization", ORGANIZATIONS,
          "service_account", SERVICE_ACCOUNT_SCOPE);

  /**
   * Roles of the built-in clients that a new realm has only from a version on: {@code
   * realm-management}'s organization roles are in every new realm of 26.7.3 (and in realms 26.7.3
   * migrated from 24), not in 24.0.5's; 25 was not measured, so they count from {@link
   * #ORGANIZATIONS}.
   */
  private static final Map<String, Map<String, KeycloakVersion>> BUILT_IN_CLIENT_ROLES_SINCE =
      Map.of(
          "realm-management",
          Map.of(
              "manage-organizations", ORGANIZATIONS,
              "view-organizations", ORGANIZATIONS,
              "query-organizations", ORGANIZATIONS));

  /**
   * Representation fields the admin client knows that older servers lack (which then ignore them: a
   * spec setting one would show as drift forever). Read off keycloak-core's representation classes
   * of each supported version.
   */
  private static final Map<SpecKind, Map<String, KeycloakVersion>> FIELDS_SINCE =
      Map.of(
          RealmSpec.KIND,
          Map.ofEntries(
              Map.entry("organizationsEnabled", ORGANIZATIONS),
              Map.entry("organizations", ORGANIZATIONS),
              Map.entry("bruteForceStrategy", KeycloakVersion.of("26.0")),
              Map.entry("adminPermissionsEnabled", KeycloakVersion.of("26.1")),
              Map.entry("adminPermissionsClient", KeycloakVersion.of("26.1")),
              Map.entry("webAuthnPolicyPasswordlessPasskeysEnabled", KeycloakVersion.of("26.3")),
              // In 26.7.3, not in 26.5.6; 26.6 was never on Maven Central to tell.
              Map.entry("maxSecondaryAuthFailures", KeycloakVersion.of("26.6")),
              Map.entry("scimApiEnabled", KeycloakVersion.of("26.6")),
              Map.entry("webAuthnPolicyPasswordlessMediation", KeycloakVersion.of("26.6")),
              Map.entry("webAuthnPolicyPasswordlessResidentKey", KeycloakVersion.of("26.6")),
              Map.entry("webAuthnPolicyResidentKey", KeycloakVersion.of("26.6"))),
          ClientSpec.KIND,
          Map.of("type", KeycloakVersion.of("25.0")),
          GroupSpec.KIND,
          Map.of("description", KeycloakVersion.of("26.3")));

  private final KeycloakVersion server;
  private final ServerKeeps keeps;

  private VersionBehaviour(KeycloakVersion server) {
    this.server = server;
    this.keeps = ServerKeeps.of(server);
  }

  public static VersionBehaviour of(KeycloakVersion server) {
    return new VersionBehaviour(server);
  }

  /** For a server whose version is not known: the newest tested. */
  public static VersionBehaviour newestTested() {
    return of(SupportedVersions.newestTested());
  }

  public KeycloakVersion server() {
    return server;
  }

  private boolean since(KeycloakVersion change) {
    return server.atLeast(change);
  }

  /** Set on a server newer than any the matrix tests: a warning to print, never a refusal. */
  public Optional<String> untested() {
    KeycloakVersion newest = SupportedVersions.newestTested();
    KeycloakVersion oldest = SupportedVersions.oldest();
    if (server.compareTo(newest) > 0
        && !(server.major() == newest.major() && server.minor() == newest.minor())) {
      return Optional.of(
          "planned against Keycloak "
              + server
              + ", newest tested "
              + newest
              + "; anything the spec uses that changed since may not plan right");
    }
    if (server.before(oldest)) {
      return Optional.of(
          "planned against Keycloak " + server + ", older than the oldest supported " + oldest);
    }
    return Optional.empty();
  }

  /** The environment variables that give a fresh server its admin: user name, then password. */
  public List<String> bootstrapAdminVariables() {
    return since(BOOTSTRAP_ADMIN_VARIABLES)
        ? List.of("KC_BOOTSTRAP_ADMIN_USERNAME", "KC_BOOTSTRAP_ADMIN_PASSWORD")
        : List.of("KEYCLOAK_ADMIN", "KEYCLOAK_ADMIN_PASSWORD");
  }

  /** The server options that make {@code url} the server's only public address (and issuer). */
  public List<String> hostnameOptions(String url) {
    return since(HOSTNAME_V2) ? List.of("--hostname=" + url) : List.of("--hostname-url=" + url);
  }

  /** The server option that moves the management interface to {@code port}, if it has one. */
  public List<String> managementPortOptions(int port) {
    return since(MANAGEMENT_INTERFACE) ? List.of("--http-management-port=" + port) : List.of();
  }

  /** Whether {@code start-dev} must be told to listen on loopback only. */
  public boolean devModeBindsLoopbackOnly() {
    return since(DEV_MODE_BINDS_LOOPBACK);
  }

  /** Whether a client may exchange a user's token for another audience's (standard, v2). */
  public boolean standardTokenExchange() {
    return since(STANDARD_TOKEN_EXCHANGE);
  }

  /** The HTTP status of a refused password grant ({@code invalid_grant}). */
  public int invalidGrantStatus() {
    return since(INVALID_GRANT_IS_400) ? 400 : 401;
  }

  /** The client scopes Keycloak puts into every new realm. */
  /**
   * A new realm's default client scopes (what each new client gets), measured on 26.7.3. A version
   * whose new realm lacks one of these scopes lacks it in the list too (unmeasured on 24 and 25).
   */
  static final List<String> NEW_REALM_DEFAULT_DEFAULT_SCOPES =
      List.of(
          "role_list",
          "saml_organization",
          "AuthnContextClassRef",
          "profile",
          "email",
          "roles",
          "web-origins",
          "acr",
          "basic");

  /** A new realm's optional default client scopes, measured on 26.7.3, on the same terms. */
  static final List<String> NEW_REALM_DEFAULT_OPTIONAL_SCOPES =
      List.of("offline_access", "address", "phone", "microprofile-jwt", "organization");

  /** The default (or optional default) client scopes of a new realm on this version. */
  public Set<String> realmDefaultScopesOfNewRealm(boolean optional) {
    Set<String> existing = clientScopesOfNewRealm();
    Set<String> result = new LinkedHashSet<>();
    for (String scope :
        optional ? NEW_REALM_DEFAULT_OPTIONAL_SCOPES : NEW_REALM_DEFAULT_DEFAULT_SCOPES) {
      if (existing.contains(scope) || BUILT_IN_SCOPES_UNMEASURED.contains(scope)) {
        result.add(scope);
      }
    }
    return result;
  }

  /**
   * The client scopes Keycloak links to each built-in client ({@code account}, {@code broker}, ...)
   * of a new realm: the new realm's default (or optional) scopes of the {@code openid-connect}
   * protocol, measured on 26.7.3 (every built-in client alike).
   */
  public Set<String> builtInClientScopesOfNewRealm(boolean optional) {
    Set<String> scopes = new LinkedHashSet<>(realmDefaultScopesOfNewRealm(optional));
    scopes.removeAll(SAML_SCOPES);
    return scopes;
  }

  /** The built-in scopes of the {@code saml} protocol, which no OpenID Connect client gets. */
  private static final Set<String> SAML_SCOPES =
      Set.of("role_list", "saml_organization", "AuthnContextClassRef");

  public Set<String> clientScopesOfNewRealm() {
    Set<String> scopes = new LinkedHashSet<>(ALWAYS_BUILT_IN_SCOPES);
    BUILT_IN_SCOPES_SINCE.forEach(
        (name, version) -> {
          if (since(version)) {
            scopes.add(name);
          }
        });
    return scopes;
  }

  /** Whether a name is a built-in client scope on any version (never exported, never pruned). */
  public static boolean builtInScopeOnAnyVersion(String name) {
    return ALWAYS_BUILT_IN_SCOPES.contains(name)
        || BUILT_IN_SCOPES_SINCE.containsKey(name)
        || BUILT_IN_SCOPES_UNMEASURED.contains(name);
  }

  /** The version a built-in scope first exists in, when the server is older than that. */
  public Optional<KeycloakVersion> missingBuiltInScope(String name) {
    return Optional.ofNullable(BUILT_IN_SCOPES_SINCE.get(name)).filter(v -> !since(v));
  }

  /**
   * Whether a new realm of this version has {@code role} of the built-in client {@code clientId}.
   */
  public boolean builtInClientRoleSince(String clientId, String role) {
    return Optional.ofNullable(
            BUILT_IN_CLIENT_ROLES_SINCE.getOrDefault(clientId, Map.of()).get(role))
        .filter(this::since)
        .isPresent();
  }

  /** The version a representation field first exists in, when the server is older than that. */
  public Optional<KeycloakVersion> missingField(SpecKind kind, String field) {
    return Optional.ofNullable(FIELDS_SINCE.getOrDefault(kind, Map.of()).get(field))
        .filter(v -> !since(v));
  }

  /**
   * Protocol mappers Keycloak attaches to a client by itself; a declared mapper list spares them.
   */
  public Set<String> mappersKeycloakAttaches(boolean serviceAccountsEnabled) {
    return serviceAccountsEnabled && !since(SERVICE_ACCOUNT_SCOPE)
        ? SERVICE_ACCOUNT_MAPPERS
        : Set.of();
  }

  /** Client scopes Keycloak attaches to a client by itself; a declared scope list spares them. */
  public Set<String> scopesKeycloakAttaches(boolean serviceAccountsEnabled) {
    return serviceAccountsEnabled && since(SERVICE_ACCOUNT_SCOPE)
        ? Set.of("service_account")
        : Set.of();
  }

  /**
   * Whether the server keeps a representation field, as the probe of its version (or the nearest
   * older one probed) learnt: {@link ServerKeeps}.
   */
  public boolean keeps(SpecKind kind, String field) {
    return !keeps.drops(kind.representation(), field);
  }

  /** A refusal's wording: {@code needs Keycloak 25 or newer; the server runs 24.0.5}. */
  public String needs(KeycloakVersion version) {
    return "needs Keycloak " + version.minorName() + " or newer; the server runs " + server;
  }

  @Override
  public String toString() {
    return "Keycloak " + server;
  }
}
