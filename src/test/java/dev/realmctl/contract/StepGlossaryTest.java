package dev.realmctl.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * docs/steps.md is the glossary the step classes make (regenerate: {@code mvn -B -o test
 * -Dtest=StepGlossaryTest -Dsteps.write=true}), and every example reads as its step.
 */
class StepGlossaryTest {
  private static final Path DOC = Path.of("docs/steps.md");

  @Test
  void docsStepsIsGeneratedFromTheStepDefinitions() throws IOException {
    String generated = StepGlossary.markdown();
    if (Boolean.getBoolean("steps.write")) {
      Files.writeString(DOC, generated);
    }
    assertEquals(
        generated,
        Files.readString(DOC),
        "docs/steps.md is out of step: mvn -B -o test -Dtest=StepGlossaryTest -Dsteps.write=true");
  }

  @Test
  void everyStepHasAnExampleItMatches() {
    for (StepGlossary.Entry entry : StepGlossary.entries()) {
      assertTrue(
          entry.examples().stream().anyMatch(e -> StepExpressions.matches(entry.expression(), e)),
          () -> "no example of `" + entry.expression() + "` matches it: " + entry.examples());
    }
  }

  @Test
  void everyStepDefinitionIsInTheGlossary() {
    for (Class<?> type : StepGlossary.STEP_CLASSES) {
      Arrays.stream(type.getDeclaredMethods())
          .filter(
              m ->
                  m.isAnnotationPresent(Given.class)
                      || m.isAnnotationPresent(When.class)
                      || m.isAnnotationPresent(Then.class))
          .forEach(
              m ->
                  assertTrue(
                      m.isAnnotationPresent(Example.class),
                      () -> type.getSimpleName() + "." + m.getName() + " has no @Example"));
    }
  }
}
