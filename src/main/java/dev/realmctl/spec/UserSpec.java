package dev.realmctl.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A user, or (with {@code serviceAccountClientId}) the service-account user Keycloak made for a
 * client, as a realm export writes it. Credentials (a password, or the hashed credentials an export
 * carries) are only ever set when the user is created: Keycloak never shows them back.
 */
public record UserSpec(
    String username,
    Map<String, Object> fields,
    List<Map<String, Object>> credentials,
    Optional<Set<String>> realmRoles,
    Optional<Map<String, Set<String>>> clientRoles,
    Optional<Set<String>> groups,
    Optional<List<FederatedIdentity>> federatedIdentities,
    Optional<String> serviceAccountClientId,
    Origin origin) {

  public static final SpecKind CREDENTIAL_KIND =
      new SpecKind("credential", "CredentialRepresentation");

  public static final SpecKind KIND = new SpecKind("user", "UserRepresentation");

  public static final SpecSection<UserSpec> SECTION = new Section();

  /** The user's link to an account at an identity provider. */
  public record FederatedIdentity(
      String identityProvider, String userId, String userName, Origin origin) {}

  public boolean isServiceAccount() {
    return serviceAccountClientId.isPresent();
  }

  /** The password given in clear (from a variable), if any. */
  public Optional<Sensitive> initialPassword() {
    return credentials.stream()
        .map(credential -> credential.get("value"))
        .filter(Sensitive.class::isInstance)
        .map(Sensitive.class::cast)
        .findFirst();
  }

  /** What Keycloak writes on a client's service-account user of its own accord. */
  private static final Set<String> SERVICE_ACCOUNT_OWN =
      Set.of("enabled", "emailVerified", "requiredActions");

  private static final SpecKind FEDERATED_IDENTITY =
      new SpecKind("federated identity", "FederatedIdentityRepresentation");
  private static final Set<String> OWN_FIELDS =
      Set.of(
          "federatedIdentities",
          "username",
          "credentials",
          "realmRoles",
          "clientRoles",
          "groups",
          "serviceAccountClientId");

  /** What Keycloak's default user profile requires before a password grant succeeds. */
  private static final Set<String> PROFILE_FIELDS = Set.of("email", "firstName", "lastName");

  private static final String DEFINITION = "user";
  private static final String CREDENTIAL = "credential";

  private static final class Section implements SpecSection<UserSpec> {
    public String field() {
      return "users";
    }

    public List<UserSpec> read(SpecReader reader, Object value, Origin origin) {
      List<UserSpec> users = new ArrayList<>();
      for (SpecReader.Item item : reader.items(value, field(), origin)) {
        user(reader, item).ifPresent(users::add);
      }
      return users;
    }

    private static Optional<UserSpec> user(SpecReader reader, SpecReader.Item item) {
      Problems problems = reader.problems();
      Optional<String> serviceAccountOf = Optional.empty();
      if (item.map().get("serviceAccountClientId") instanceof String clientId) {
        serviceAccountOf = Optional.of(clientId);
      }
      Optional<String> username =
          serviceAccountOf.isPresent()
              ? serviceAccountOf.map(id -> "service-account-" + id.toLowerCase())
              : reader.requiredName(item.map(), "username", item.origin(), KIND);
      if (serviceAccountOf.isPresent()
          && item.map().containsKey("username")
          && !username.get().equals(item.map().get("username"))) {
        problems.error(
            item.origin().valueAt("username"),
            "the service-account user of '"
                + serviceAccountOf.get()
                + "' is named '"
                + username.get()
                + "' by Keycloak");
      }
      Map<String, Object> fields = reader.fields(item.map(), item.origin(), KIND, OWN_FIELDS);
      if (serviceAccountOf.isEmpty()) {
        username = username.map(name -> asKeycloakKeeps(problems, item, "username", name));
      }
      if (fields.get("email") instanceof String email) {
        fields.put("email", asKeycloakKeeps(problems, item, "email", email));
      }
      if (serviceAccountOf.isPresent()) {
        fields.keySet().removeAll(SERVICE_ACCOUNT_OWN);
      }
      if (serviceAccountOf.isPresent() && !fields.isEmpty()) {
        problems.error(
            item.origin().location(),
            "a service-account user takes only realmRoles, clientRoles and groups; its other fields belong to Keycloak");
      }
      List<Map<String, Object>> credentials = credentials(reader, item);
      var realmRoles = reader.stringSet(item.map(), "realmRoles", item.origin());
      var clientRoles = reader.clientRoleMap(item.map(), item.origin());
      var groups = reader.stringSet(item.map(), "groups", item.origin());
      var federatedIdentities = federatedIdentities(reader, item);
      boolean password = credentials.stream().anyMatch(c -> "password".equals(c.get("type")));
      if (serviceAccountOf.isEmpty() && password) {
        boolean temporary =
            credentials.stream().anyMatch(c -> Boolean.TRUE.equals(c.get("temporary")));
        warnAboutPasswordGrant(problems, item, fields, temporary);
      }
      final Optional<String> serviceAccount = serviceAccountOf;
      return username.map(
          name ->
              new UserSpec(
                  name,
                  fields,
                  credentials,
                  realmRoles,
                  clientRoles,
                  groups,
                  federatedIdentities,
                  serviceAccount,
                  item.origin()));
    }

    /**
     * A password in clear ({@code value}, from a variable) or a credential as exports write it,
     * hashed ({@code secretData} and {@code credentialData}). Either is set only when the user is
     * created.
     */
    private static List<Map<String, Object>> credentials(SpecReader reader, SpecReader.Item user) {
      List<Map<String, Object>> credentials = new ArrayList<>();
      for (SpecReader.Item credential : reader.list(user.map(), "credentials", user.origin())) {
        Map<String, Object> fields =
            reader.fields(credential.map(), credential.origin(), CREDENTIAL_KIND, Set.of());
        fields.putIfAbsent("type", "password");
        if (credential.map().get("value") instanceof String value) {
          fields.put("value", reader.secret(value, credential.origin(), "value"));
        } else if (credential.map().get("secretData") instanceof String secretData
            && credential.map().get("credentialData") instanceof String) {
          fields.put("secretData", reader.secret(secretData, credential.origin(), "secretData"));
          fields.remove("createdDate");
        } else {
          reader
              .problems()
              .error(
                  credential.origin().location(),
                  "a credential needs a string 'value' (a password), or 'secretData' and"
                      + " 'credentialData' as exports write them");
          continue;
        }
        credentials.add(fields);
      }
      return credentials;
    }

    private static Optional<List<FederatedIdentity>> federatedIdentities(
        SpecReader reader, SpecReader.Item user) {
      if (!user.map().containsKey("federatedIdentities")) {
        return Optional.empty();
      }
      List<FederatedIdentity> links = new ArrayList<>();
      for (SpecReader.Item link : reader.list(user.map(), "federatedIdentities", user.origin())) {
        Optional<String> provider =
            reader.requiredName(link.map(), "identityProvider", link.origin(), FEDERATED_IDENTITY);
        Optional<String> userId =
            reader.requiredName(link.map(), "userId", link.origin(), FEDERATED_IDENTITY);
        Optional<String> userName =
            reader.requiredName(link.map(), "userName", link.origin(), FEDERATED_IDENTITY);
        reader.fields(
            link.map(),
            link.origin(),
            FEDERATED_IDENTITY,
            Set.of("identityProvider", "userId", "userName"));
        if (provider.isPresent() && userId.isPresent() && userName.isPresent()) {
          links.add(
              new FederatedIdentity(provider.get(), userId.get(), userName.get(), link.origin()));
        }
      }
      return Optional.of(links);
    }

    /**
     * Keycloak's import keeps usernames and email addresses in lower case, whatever it is sent
     * (measured on 26.7.3): the spec means what Keycloak keeps, so every plan after the apply
     * compares the lower-case value, and the reader is told at the line.
     */
    private static String asKeycloakKeeps(
        Problems problems, SpecReader.Item item, String field, String value) {
      String kept = value.toLowerCase(Locale.ROOT);
      if (!kept.equals(value)) {
        problems.warning(
            item.origin().valueAt(field),
            "Keycloak keeps " + field + " in lower case: '" + value + "' is '" + kept + "'");
      }
      return kept;
    }

    private static void warnAboutPasswordGrant(
        Problems problems, SpecReader.Item item, Map<String, Object> fields, boolean temporary) {
      Set<String> missing = new TreeSet<>(PROFILE_FIELDS);
      missing.removeAll(fields.keySet());
      if (!missing.isEmpty()) {
        problems.warning(
            item.origin().location(),
            "user has no "
                + String.join(", ", missing)
                + ": under Keycloak's default user profile the password grant answers"
                + " invalid_grant \"Account is not fully set up\"");
      }
      if (temporary) {
        problems.warning(
            item.origin().location(),
            "temporary password: the user must change it in a browser before the password grant works");
      }
    }

    @Override
    public void check(RealmSpec spec, Problems problems) {
      Unique.names(spec.of(this), UserSpec::username, UserSpec::origin, KIND, problems);
    }

    public Map<String, Object> schema(FieldCatalog catalog) {
      return SpecSchema.arrayOf(SpecSchema.ref(DEFINITION));
    }

    @Override
    public Map<String, Object> definitions(FieldCatalog catalog) {
      Map<String, Object> user = SpecSchema.object(catalog, KIND, List.of(), false);
      Map<String, Object> properties = SpecSchema.properties(user);
      properties.put("credentials", SpecSchema.arrayOf(SpecSchema.ref(CREDENTIAL)));
      properties.put("realmRoles", SpecSchema.STRINGS);
      properties.put("clientRoles", SpecSchema.CLIENT_ROLES);
      properties.put("groups", SpecSchema.STRINGS);
      user.put(
          "anyOf",
          List.of(
              Map.of("required", List.of("username")),
              Map.of("required", List.of("serviceAccountClientId"))));
      return Map.of(
          DEFINITION,
          user,
          CREDENTIAL,
          SpecSchema.object(catalog, CREDENTIAL_KIND, List.of(), false));
    }
  }
}
