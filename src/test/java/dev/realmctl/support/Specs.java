package dev.realmctl.support;

import dev.realmctl.keycloak.RepresentationCatalog;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.Redactor;
import dev.realmctl.spec.SpecLoader;
import dev.realmctl.spec.Variables;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

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

  public static List<RealmSpec> load(Path... files) {
    return new SpecLoader(
            new RepresentationCatalog(), Variables.of(TestSecrets.VALUES), new Redactor())
        .load(List.of(files))
        .realms();
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
