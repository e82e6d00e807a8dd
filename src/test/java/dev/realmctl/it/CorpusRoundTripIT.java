package dev.realmctl.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.realmctl.keycloak.Connection;
import dev.realmctl.keycloak.Reconciler;
import dev.realmctl.plan.Plan;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.support.Admin;
import dev.realmctl.support.Cli;
import dev.realmctl.support.CorpusSecrets;
import dev.realmctl.support.Specs;
import dev.realmctl.support.TestKeycloak;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The realm export corpus ({@code src/test/resources/corpus}) round-trips: every file Keycloak's
 * own full export wrote for the test server's version applies to an empty realm, plans empty, is
 * live, exports, and the export applies to a second empty realm and plans empty there too. The
 * admin console's partial export is refused at its masked secrets and applies once they are given.
 *
 * <p>The corpus files are never edited. Keycloak writes secrets in clear (client secrets, the
 * identity providers' {@code clientSecret}, the SMTP password, the LDAP {@code bindCredential}),
 * which realmctl takes only from {@code ${env:...}} for some kinds; the test therefore reads each
 * file as a JSON tree, replaces each such value by an {@code ${env:...}} reference holding it
 * ({@link CorpusSecrets}, as a pipeline would give it), and loads the rewritten copy from a
 * temporary folder. Whatever fails to export, load or plan fails the test. JSON is YAML, so the
 * copy's lines are those of an indented file.
 */
class CorpusRoundTripIT {
  private static final Path CORPUS = Specs.project().resolve("src/test/resources/corpus");
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String MASK = CorpusSecrets.MASK;

  @TempDir Path folder;

  private final List<String> realms = new ArrayList<>();
  private final CorpusSecrets corpusSecrets = new CorpusSecrets("CORPUS_SECRET");

  @AfterEach
  void removeRealms() {
    try (Admin admin = Admin.of(TestKeycloak.get())) {
      for (String realm : realms) {
        if (admin.realmExists(realm)) {
          admin.realm(realm).remove();
        }
      }
    } catch (Exception e) {
      // cleanup only
    }
  }

  /** The corpus folder written by the version family of the test server. */
  static Path corpusFolder() {
    int major = TestKeycloak.get().behaviour().server().major();
    return CORPUS.resolve(major >= 26 ? "keycloak-26.7.3" : "keycloak-24.0.5");
  }

  static Stream<String> fullExports() throws IOException {
    try (Stream<Path> files = Files.list(corpusFolder())) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".json") && !n.contains("partial-export"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("fullExports")
  void fullExportRoundTrips(String file) throws Exception {
    JsonNode source = JSON.readTree(corpusFolder().resolve(file).toFile());
    ObjectNode tree = (ObjectNode) source.deepCopy();
    corpusSecrets.toVariables(tree, false);
    String first = Specs.uniqueName("corpus-" + file.replace(".json", ""));
    realms.add(first);
    Path rewritten = folder.resolve(file);
    Files.writeString(rewritten, nameDependent(JSON.writeValueAsString(tree), tree, first));
    RealmSpec spec = Specs.load(corpusSecrets.secrets(), rewritten).get(0).renamed(first);

    try (Connection connection = TestKeycloak.get().connect();
        Admin admin = Admin.of(TestKeycloak.get())) {
      Reconciler reconciler = new Reconciler(connection);
      reconciler.apply(reconciler.plan(List.of(spec)), c -> {});
      Plan again = reconciler.plan(List.of(spec)).plan();
      assertTrue(again.isEmpty(), () -> file + ": a second plan is not empty:\n" + describe(again));
      assertLive(source, admin.realm(first), false);
    }

    Path exported = folder.resolve("exported-" + file.replace(".json", ".yaml"));
    Cli.Run run = Cli.run("export", first, "--output", exported.toString());
    assertEquals(0, run.exitCode(), run.err());
    String yaml = Files.readString(exported);
    for (String name : corpusSecrets.names()) {
      String value = corpusSecrets.secrets().value(name);
      assertFalse(yaml.contains(value), "the export holds the secret " + name);
    }
    // The export names the secrets it left out as ${env:...} of its own: give them this run's.
    for (String name : exportVariables(yaml)) {
      corpusSecrets.give(name);
    }

    String second = Specs.uniqueName("corpus-" + file.replace(".json", "") + "-export");
    realms.add(second);
    RealmSpec fromExport = Specs.load(corpusSecrets.secrets(), exported).get(0).renamed(second);
    try (Connection connection = TestKeycloak.get().connect();
        Admin admin = Admin.of(TestKeycloak.get())) {
      Reconciler reconciler = new Reconciler(connection);
      reconciler.apply(reconciler.plan(List.of(fromExport)), c -> {});
      Plan again = reconciler.plan(List.of(fromExport)).plan();
      assertTrue(
          again.isEmpty(),
          () -> file + ": the export's second plan is not empty:\n" + describe(again));
      assertLive(source, admin.realm(second), true);
    }
    assertTrue(
        missingFlows.isEmpty(),
        "FlowPlanner: top-level flows the file declares are not created: " + missingFlows);
  }

  @Test
  void partialExportIsRefusedAtItsMaskedSecretsThenApplies() throws Exception {
    Path partial = corpusFolder().resolve("identity.partial-export.json");
    // Both corpus versions ship one: a missing file is a broken corpus, not a reason to skip.
    assertTrue(Files.exists(partial), "no partial export in " + corpusFolder());
    ObjectNode tree = (ObjectNode) JSON.readTree(partial.toFile());
    String realm = Specs.uniqueName("corpus-partial");
    realms.add(realm);
    // The CLI applies the file's own realm name: this copy names a realm of this test.
    tree.put("realm", realm);
    Path masked = folder.resolve("partial-masked.json");
    String text = JSON.writeValueAsString(tree);
    Files.writeString(masked, text);
    List<Integer> maskedLines = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains("\"" + MASK + "\"")) {
        maskedLines.add(i + 1);
      }
    }
    assertFalse(maskedLines.isEmpty());

    Cli.Run refused = Cli.run(corpusSecrets.secrets(), "apply", masked.toString());
    assertEquals(1, refused.exitCode(), refused.out() + refused.err());
    for (int line : maskedLines) {
      assertTrue(
          refused.err().contains(masked.getFileName() + ":" + line + ":"),
          () -> "no error at line " + line + ":\n" + refused.err());
    }
    try (Admin admin = Admin.of(TestKeycloak.get())) {
      assertFalse(admin.realmExists(realm), "a refused spec wrote the realm");
    }

    corpusSecrets.toVariables(tree, true);
    Path given = folder.resolve("partial-given.json");
    Files.writeString(given, JSON.writeValueAsString(tree));
    Cli.Run applied = Cli.run(corpusSecrets.secrets(), "apply", given.toString());
    assertEquals(0, applied.exitCode(), applied.out() + applied.err());
    try (Connection connection = TestKeycloak.get().connect()) {
      Plan again =
          new Reconciler(connection).plan(Specs.load(corpusSecrets.secrets(), given)).plan();
      assertTrue(again.isEmpty(), () -> "partial export plans again:\n" + describe(again));
    }
  }

  /**
   * The values Keycloak derives from the realm's name: the default role {@code
   * default-roles-<realm>} and the built-in clients' URLs {@code /realms/<realm>/...}, {@code
   * /admin/<realm>/...}. {@link RealmSpec#renamed} renames the realm only; an export applied under
   * its own name has these right, so the test renames them too, in its copy.
   */
  private static String nameDependent(String json, JsonNode realm, String newName) {
    String old = realm.path("realm").asText();
    return json.replace("\"default-roles-" + old + "\"", "\"default-roles-" + newName + "\"")
        .replace("/realms/" + old + "/", "/realms/" + newName + "/")
        .replace("/admin/" + old + "/", "/admin/" + newName + "/");
  }

  private static Set<String> exportVariables(String yaml) {
    Set<String> names = new TreeSet<>();
    var matcher = java.util.regex.Pattern.compile("\\$\\{env:([A-Z0-9_]+)}").matcher(yaml);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  // --- what is live ---

  /** Representative fields of each kind the file declares, read back with the admin client. */
  private void assertLive(JsonNode file, RealmResource live, boolean fromExport) {
    var realm = live.toRepresentation();
    for (String field :
        List.of("displayName", "loginTheme", "sslRequired", "registrationAllowed", "browserFlow")) {
      if (file.has(field)) {
        String expected = file.get(field).asText();
        Object actual =
            switch (field) {
              case "displayName" -> realm.getDisplayName();
              case "loginTheme" -> realm.getLoginTheme();
              case "sslRequired" -> realm.getSslRequired();
              case "registrationAllowed" -> realm.isRegistrationAllowed();
              default -> realm.getBrowserFlow();
            };
        assertEquals(expected, String.valueOf(actual), "realm " + field);
      }
    }
    if (file.has("smtpServer") && file.get("smtpServer").has("host")) {
      assertEquals(file.at("/smtpServer/host").asText(), realm.getSmtpServer().get("host"));
    }
    if (file.has("otpPolicyDigits")) {
      assertEquals(file.get("otpPolicyDigits").asInt(), realm.getOtpPolicyDigits());
    }
    assertGroups(file.path("groups"), live);
    assertRealmComposites(file, live);
    assertUsers(file.path("users"), live, fromExport);
    assertIdentityProviders(file, live);
    assertRequiredActions(file.path("requiredActions"), live);
    assertComponents(file.path("components"), live);
    assertOrganizations(file.path("organizations"), live);
    assertFlows(file.path("authenticationFlows"), live);
  }

  private static void assertGroups(JsonNode groups, RealmResource live) {
    for (JsonNode group : groups) {
      String path = group.path("path").asText();
      GroupRepresentation actual = live.getGroupByPath(path);
      assertNotNull(actual, "group " + path);
      assertEquals(
          names(group.path("realmRoles")),
          new TreeSet<>(
              live.groups().group(actual.getId()).roles().realmLevel().listAll().stream()
                  .map(RoleRepresentation::getName)
                  .toList()),
          "realm roles of group " + path);
      group
          .path("attributes")
          .fields()
          .forEachRemaining(
              e ->
                  assertEquals(
                      names(e.getValue()),
                      new TreeSet<>(actual.getAttributes().getOrDefault(e.getKey(), List.of())),
                      "attribute " + e.getKey() + " of group " + path));
      assertGroups(group.path("subGroups"), live);
    }
  }

  private static void assertRealmComposites(JsonNode file, RealmResource live) {
    for (JsonNode role : file.path("roles").path("realm")) {
      if (!role.path("composite").asBoolean()) {
        continue;
      }
      String name = role.path("name").asText();
      Set<String> expected = new TreeSet<>(names(role.path("composites").path("realm")));
      role.path("composites")
          .path("client")
          .fields()
          .forEachRemaining(
              e -> names(e.getValue()).forEach(r -> expected.add(e.getKey() + "/" + r)));
      if (name.startsWith("default-roles-")) {
        continue;
      }
      Set<String> actual = new TreeSet<>();
      var live_ = live.roles().get(name);
      live_.getRealmRoleComposites().forEach(r -> actual.add(r.getName()));
      role.path("composites")
          .path("client")
          .fieldNames()
          .forEachRemaining(
              clientId -> {
                String uuid = live.clients().findByClientId(clientId).get(0).getId();
                live_
                    .getClientRoleComposites(uuid)
                    .forEach(r -> actual.add(clientId + "/" + r.getName()));
              });
      assertEquals(expected, actual, "composites of realm role " + name);
    }
  }

  private static void assertUsers(JsonNode users, RealmResource live, boolean fromExport) {
    for (JsonNode user : users) {
      if (user.has("serviceAccountClientId")) {
        continue;
      }
      String username = user.path("username").asText();
      List<UserRepresentation> found = live.users().search(username, true);
      assertEquals(1, found.size(), "user " + username);
      UserRepresentation actual = found.get(0);
      if (user.has("email")) {
        assertEquals(user.get("email").asText(), actual.getEmail(), "email of " + username);
      }
      assertEquals(
          names(user.path("requiredActions")),
          new TreeSet<>(actual.getRequiredActions()),
          "required actions of " + username);
      assertEquals(
          names(user.path("groups")),
          new TreeSet<>(
              live.users().get(actual.getId()).groups().stream()
                  .map(GroupRepresentation::getPath)
                  .toList()),
          "groups of " + username);
      Set<String> links = new TreeSet<>();
      for (JsonNode link : user.path("federatedIdentities")) {
        links.add(link.path("identityProvider").asText() + ":" + link.path("userName").asText());
      }
      assertEquals(
          links,
          new TreeSet<>(
              live.users().get(actual.getId()).getFederatedIdentity().stream()
                  .map(l -> l.getIdentityProvider() + ":" + l.getUserName())
                  .toList()),
          "federated identities of " + username);
      // The corpus users' passwords are hashed and the plain text is not at hand: a login is not
      // tried. Their credentials are at least there.
      // realmctl's export leaves passwords out, so only the first realm has them.
      if (!fromExport && user.path("credentials").size() > 0) {
        assertFalse(
            live.users().get(actual.getId()).credentials().isEmpty(), "credentials of " + username);
      }
    }
  }

  private static void assertIdentityProviders(JsonNode file, RealmResource live) {
    for (JsonNode provider : file.path("identityProviders")) {
      String alias = provider.path("alias").asText();
      var actual = live.identityProviders().get(alias).toRepresentation();
      assertEquals(provider.path("providerId").asText(), actual.getProviderId(), alias);
      assertEquals(provider.path("enabled").asBoolean(), actual.isEnabled(), alias + " enabled");
      for (String key : List.of("clientId", "tokenUrl", "authorizationUrl", "issuer")) {
        if (provider.path("config").has(key)) {
          assertEquals(
              provider.path("config").get(key).asText(),
              actual.getConfig().get(key),
              alias + " config " + key);
        }
      }
      if (provider.has("firstBrokerLoginFlowAlias")) {
        assertEquals(
            provider.get("firstBrokerLoginFlowAlias").asText(),
            actual.getFirstBrokerLoginFlowAlias(),
            alias + " firstBrokerLoginFlowAlias");
      }
      if (provider.has("postBrokerLoginFlowAlias")) {
        assertEquals(
            provider.get("postBrokerLoginFlowAlias").asText(),
            actual.getPostBrokerLoginFlowAlias(),
            alias + " postBrokerLoginFlowAlias");
      }
    }
    Map<String, String> expected = new LinkedHashMap<>();
    for (JsonNode mapper : file.path("identityProviderMappers")) {
      expected.put(
          mapper.path("identityProviderAlias").asText() + "/" + mapper.path("name").asText(),
          mapper.path("identityProviderMapper").asText());
    }
    Map<String, String> actual = new LinkedHashMap<>();
    for (JsonNode provider : file.path("identityProviders")) {
      String alias = provider.path("alias").asText();
      live.identityProviders()
          .get(alias)
          .getMappers()
          .forEach(m -> actual.put(alias + "/" + m.getName(), m.getIdentityProviderMapper()));
    }
    assertEquals(expected, actual, "identity provider mappers");
  }

  private static void assertRequiredActions(JsonNode actions, RealmResource live) {
    Map<String, String> expected = new LinkedHashMap<>();
    for (JsonNode action : actions) {
      expected.put(
          action.path("alias").asText(),
          action.path("enabled").asBoolean()
              + "/"
              + action.path("defaultAction").asBoolean()
              + "/"
              + action.path("priority").asInt());
    }
    Map<String, String> actual = new LinkedHashMap<>();
    live.flows()
        .getRequiredActions()
        .forEach(
            a ->
                actual.put(
                    a.getAlias(),
                    a.isEnabled() + "/" + a.isDefaultAction() + "/" + a.getPriority()));
    for (var entry : expected.entrySet()) {
      assertEquals(
          entry.getValue(), actual.get(entry.getKey()), "required action " + entry.getKey());
    }
  }

  private static void assertComponents(JsonNode components, RealmResource live) {
    List<ComponentRepresentation> all = live.components().query();
    for (var type : iterable(components.fields())) {
      if (type.getKey().equals("org.keycloak.userprofile.UserProfileProvider")) {
        continue; // read as the realm's userProfile (UserProfileIT), not kept as a component
      }
      for (JsonNode component : type.getValue()) {
        String name = component.path("name").asText();
        var found =
            all.stream()
                .filter(c -> type.getKey().equals(c.getProviderType()) && name.equals(c.getName()))
                .findFirst();
        assertTrue(found.isPresent(), "component " + type.getKey() + " " + name);
        assertEquals(component.path("providerId").asText(), found.get().getProviderId(), name);
        Set<String> subNames = new HashSet<>();
        component
            .path("subComponents")
            .fields()
            .forEachRemaining(
                e -> e.getValue().forEach(s -> subNames.add(s.path("name").asText())));
        Set<String> liveSubs =
            all.stream()
                .filter(c -> found.get().getId().equals(c.getParentId()))
                .map(ComponentRepresentation::getName)
                .collect(Collectors.toSet());
        assertTrue(liveSubs.containsAll(subNames), "sub-components of " + name + ": " + liveSubs);
      }
    }
  }

  private static void assertOrganizations(JsonNode organizations, RealmResource live) {
    for (JsonNode organization : organizations) {
      String alias = organization.path("alias").asText();
      var found =
          live.organizations().getAll().stream()
              .filter(o -> alias.equals(o.getAlias()))
              .findFirst();
      assertTrue(found.isPresent(), "organization " + alias);
      Set<String> domains = new TreeSet<>();
      organization.path("domains").forEach(d -> domains.add(d.path("name").asText()));
      assertEquals(
          domains,
          new TreeSet<>(found.get().getDomains().stream().map(d -> d.getName()).toList()),
          "domains of " + alias);
      Set<String> members = new TreeSet<>();
      organization.path("members").forEach(m -> members.add(m.path("username").asText()));
      assertEquals(
          members,
          new TreeSet<>(
              live.organizations().get(found.get().getId()).members().getAll().stream()
                  .map(UserRepresentation::getUsername)
                  .toList()),
          "members of " + alias);
    }
  }

  /**
   * A declared top-level flow missing from the live realm is collected, and fails the test at its
   * end (after every other step ran), naming the flows.
   */
  private final List<String> missingFlows = new ArrayList<>();

  private void assertFlows(JsonNode flows, RealmResource live) {
    Set<String> actual =
        live.flows().getFlows().stream().map(f -> f.getAlias()).collect(Collectors.toSet());
    for (JsonNode flow : flows) {
      String alias = flow.path("alias").asText();
      // A built-in flow the admin API does not list ("saml ecp" on 26.7.3, which it yet refuses
      // to create: "already exists") is Keycloak's.
      boolean builtIn = flow.path("builtIn").asBoolean();
      if (flow.path("topLevel").asBoolean() && !builtIn && !actual.contains(alias)) {
        missingFlows.add(live.toRepresentation().getRealm() + ": " + alias);
      }
    }
  }

  private static Set<String> names(JsonNode array) {
    Set<String> names = new TreeSet<>();
    array.forEach(n -> names.add(n.asText()));
    return names;
  }

  private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
    return () -> iterator;
  }

  private static String describe(Plan plan) {
    return plan.changes().stream()
        .map(c -> "  " + c.action() + " " + c.id().path() + " " + c.fields() + " " + c.source())
        .collect(Collectors.joining("\n"));
  }
}
