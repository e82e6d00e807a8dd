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
}
