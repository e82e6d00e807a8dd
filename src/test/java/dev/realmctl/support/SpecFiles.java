package dev.realmctl.support;

import dev.realmctl.keycloak.RepresentationCatalog;
import dev.realmctl.plan.Plan;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.Redactor;
import dev.realmctl.spec.SpecLoader;
import dev.realmctl.spec.Variables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Spec text of a unit test, written to its own folder and loaded as realmctl loads a file. */
public final class SpecFiles {
  private SpecFiles() {}

  /** The one realm of {@code yaml}, from {@code r.yaml} in {@code folder}, without variables. */
  public static RealmSpec load(Path folder, String yaml) throws IOException {
    Path file = Files.writeString(folder.resolve("r.yaml"), yaml);
    return new SpecLoader(new RepresentationCatalog(), Variables.of(Map.of()), new Redactor())
        .load(List.of(file))
        .realms()
        .get(0);
  }

  /** A plan as its changes' symbols and paths: {@code + clients/app}. */
  public static List<String> paths(Plan plan) {
    return plan.changes().stream().map(c -> c.action().symbol() + " " + c.id().path()).toList();
  }
}
