package dev.realmctl.support;

import dev.realmctl.keycloak.RepresentationCatalog;
import dev.realmctl.spec.ClientScopeSpec;
import dev.realmctl.spec.ClientSpec;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.Redactor;
import dev.realmctl.spec.SpecLoader;
import dev.realmctl.spec.Variables;
import dev.realmctl.version.VersionBehaviour;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** Spec files of the project, loaded with this run's secrets, under realm names of their own. */
public final class Specs {
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private Specs() {}

  public static Path project() {
    return Path.of(System.getProperty("realmctl.project.dir", "."));
  }

  public static Path realmFile(String name) {
    return project().resolve("realms").resolve(name);
  }

  /** Loaded, and adapted to the test server's version ({@link #forServer(RealmSpec)}). */
  public static List<RealmSpec> load(Path... files) {
    return load(TestSecrets.ofRun(), files);
  }

  /** The same with a test's own secrets. */
  public static List<RealmSpec> load(TestSecrets secrets, Path... files) {
    return new SpecLoader(
            new RepresentationCatalog(), Variables.of(secrets.values()), new Redactor())
        .load(List.of(files)).realms().stream().map(Specs::forServer).toList();
  }

  /**
   * The shipped specs name the {@code basic} scope, which carries {@code sub} from Keycloak 25 on;
   * Keycloak 24 has no such scope (its tokens carry {@code sub} without it), and realmctl refuses
   * to name it there. On such a server the tests leave out the built-in scopes it lacks, as a user
   * of that version writes the spec.
   */
  public static RealmSpec forServer(RealmSpec spec) {
    VersionBehaviour keycloak = TestKeycloak.get().behaviour();
    Predicate<String> exists =
        scope ->
            keycloak.missingBuiltInScope(scope).isEmpty()
                || spec.of(ClientScopeSpec.SECTION).stream().anyMatch(s -> s.name().equals(scope));
    List<ClientSpec> clients =
        spec.of(ClientSpec.SECTION).stream()
            .map(
                c ->
                    new ClientSpec(
                        c.clientId(),
                        c.fields(),
                        c.protocolMappers(),
                        c.defaultClientScopes().map(s -> only(s, exists)),
                        c.optionalClientScopes().map(s -> only(s, exists)),
                        c.origin()))
            .toList();
    return spec.with(ClientSpec.SECTION, clients);
  }

  /**
   * The same for spec text a test hands to the command line: {@code [basic, x]} becomes {@code
   * [x]}.
   */
  public static String forServer(String yaml) {
    return TestKeycloak.get().behaviour().missingBuiltInScope("basic").isPresent()
        ? yaml.replace("[basic, ", "[")
        : yaml;
  }

  private static Set<String> only(Set<String> scopes, Predicate<String> keep) {
    Set<String> kept = new LinkedHashSet<>();
    scopes.stream().filter(keep).forEach(kept::add);
    return kept;
  }

  /** The one realm of a file in realms/, renamed so that no other test shares it. */
  public static RealmSpec isolated(String file) {
    return isolated(realmFile(file));
  }

  public static RealmSpec isolated(Path file) {
    RealmSpec spec = load(file).get(0);
    return spec.renamed(uniqueName(spec.realm()));
  }

  public static String uniqueName(String base) {
    return base + "-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
  }

  /**
   * A realm whose apply takes long enough to be interrupted: one service-account client and {@code
   * users} users, each holding one realm role.
   */
  public static String shopWithMembers(String realm, String clientSecret, int users) {
    StringBuilder yaml =
        new StringBuilder("realm: " + realm + "\nroles:\n  realm: [{name: member}]\nclients:\n");
    yaml.append("  - clientId: shop\n    serviceAccountsEnabled: true\n    secret: ")
        .append(clientSecret)
        .append("\nusers:\n");
    for (int i = 0; i < users; i++) {
      yaml.append("  - {username: user-")
          .append(i)
          .append(", email: user-")
          .append(i)
          .append("@example.com, firstName: U, lastName: N, realmRoles: [member]}\n");
    }
    return yaml.toString();
  }
}
