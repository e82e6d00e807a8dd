package dev.realmctl.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.realmctl.spec.RealmSpec;
import dev.realmctl.support.LiveRealms;
import dev.realmctl.support.SpecFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LocalizationPlanner: one resource per locale, each enforcing only the keys it declares. */
class LocalizationPlannerTest {
  private static final String SPEC =
      """
      realm: r
      localizationTexts:
        en: {greeting: Hello, farewell: Bye}
        de: {greeting: Hallo}
      """;

  @TempDir Path folder;

  private RealmSpec spec(String yaml) throws IOException {
    return SpecFiles.load(folder, yaml);
  }

  private static LiveRealm texts(Map<String, Map<String, String>> byLocale) {
    return LiveRealms.realm("r").part(LocalizationPlanner.LIVE, byLocale).build();
  }

  @Test
  void anAbsentLocaleIsCreatedWithItsTexts() throws IOException {
    PlannerRun run =
        PlannerRun.of(
            new LocalizationPlanner(),
            spec(SPEC),
            texts(Map.of("de", Map.of("greeting", "Hallo"))));
    assertEquals(List.of("+ localizationTexts/en"), run.paths());
    assertEquals(Map.of("greeting", "Hello", "farewell", "Bye"), run.changes().get(0).after());
    assertEquals(1, run.unchanged());
  }

  @Test
  void localesAsDeclaredPlanNothingAndTextsTheSpecLeavesOutStay() throws IOException {
    var live =
        texts(
            Map.of(
                "en", Map.of("greeting", "Hello", "farewell", "Bye", "added", "by hand"),
                "de", Map.of("greeting", "Hallo"),
                "fr", Map.of("greeting", "Bonjour")));
    assertEquals(
        new PlannerRun(List.of(), 2, List.of()),
        PlannerRun.of(new LocalizationPlanner(), spec(SPEC), live));
  }

  @Test
  void aChangedTextIsAnUpdateNamingItsKey() throws IOException {
    var live =
        texts(
            Map.of(
                "en", Map.of("greeting", "Hi", "farewell", "Bye"),
                "de", Map.of("greeting", "Hallo")));
    PlannerRun run = PlannerRun.of(new LocalizationPlanner(), spec(SPEC), live);
    assertEquals(List.of("~ localizationTexts/en"), run.paths());
    assertEquals(
        List.of(
            new FieldChange("greeting", Optional.empty(), Optional.of("Hi"), Optional.of("Hello"))),
        run.changes().get(0).fields());
  }

  @Test
  void anEmptyLocaleThatIsAbsentIsNothingToCreate() throws IOException {
    PlannerRun run =
        PlannerRun.of(
            new LocalizationPlanner(),
            spec("realm: r\nlocalizationTexts: {en: {}}\n"),
            LiveRealm.empty());
    assertEquals(new PlannerRun(List.of(), 0, List.of()), run);
  }
}
