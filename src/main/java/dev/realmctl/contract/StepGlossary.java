package dev.realmctl.contract;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Every step realmctl ships, read from the step classes themselves: what `realmctl test --steps`
 * prints and docs/steps.md holds.
 */
public final class StepGlossary {
  /** The step library, one class per noun, in the order the glossary lists them. */
  public static final List<Class<?>> STEP_CLASSES =
      List.of(
          RealmSteps.class,
          TokenSteps.class,
          SignedJwtSteps.class,
          BrowserLoginSteps.class,
          LogoutSteps.class,
          TokenExchangeSteps.class,
          ClaimSteps.class,
          ResourceServerSteps.class,
          ForgedTokenSteps.class,
          AuthorizationSteps.class,
          UserSteps.class,
          DirectorySteps.class,
          ClockSteps.class);

  /** One step: its keyword, its Cucumber expression, and lines of features that use it. */
  public record Entry(String noun, String keyword, String expression, List<String> examples) {}

  private StepGlossary() {}

  public static List<Entry> entries() {
    List<Entry> entries = new ArrayList<>();
    for (Class<?> type : STEP_CLASSES) {
      String noun = type.getSimpleName().replaceFirst("Steps$", "");
      Arrays.stream(type.getDeclaredMethods())
          .filter(m -> m.isAnnotationPresent(Example.class))
          .sorted(Comparator.comparing(Method::getName))
          .forEach(
              method -> {
                List<String> examples = List.of(method.getAnnotation(Example.class).value());
                for (Annotation step : method.getAnnotations()) {
                  keyword(step)
                      .ifPresent(
                          keyword ->
                              entries.add(new Entry(noun, keyword, expression(step), examples)));
                }
              });
    }
    return entries;
  }

  private static java.util.Optional<String> keyword(Annotation step) {
    return step instanceof Given
        ? java.util.Optional.of("Given")
        : step instanceof When
            ? java.util.Optional.of("When")
            : step instanceof Then ? java.util.Optional.of("Then") : java.util.Optional.empty();
  }

  private static String expression(Annotation step) {
    return step instanceof Given g
        ? g.value()
        : step instanceof When w ? w.value() : ((Then) step).value();
  }

  /** For the terminal: each step, then its example. */
  public static String text() {
    StringBuilder out = new StringBuilder();
    String noun = "";
    for (Entry entry : entries()) {
      if (!entry.noun().equals(noun)) {
        noun = entry.noun();
        out.append(out.isEmpty() ? "" : "\n").append(noun).append('\n');
      }
      out.append("  ").append(entry.keyword()).append(' ').append(entry.expression()).append('\n');
      out.append("      e.g. ").append(example(entry)).append('\n');
    }
    out.append('\n').append(entries().size()).append(" steps.\n");
    return out.toString();
  }

  /** docs/steps.md. */
  public static String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("# The contract's steps\n\n")
        .append("Generated from the step definitions (`realmctl test --steps` prints the same);\n")
        .append("`StepGlossaryTest` keeps this file in step. ")
        .append(entries().size())
        .append(" steps. See [contract.md](contract.md) for how a run finds secrets and realms.\n");
    String noun = "";
    for (Entry entry : entries()) {
      if (!entry.noun().equals(noun)) {
        noun = entry.noun();
        out.append("\n## ").append(noun).append("\n\n");
      }
      out.append("- **")
          .append(entry.keyword())
          .append("** `")
          .append(entry.expression())
          .append("`  \n  e.g. `")
          .append(entry.keyword())
          .append(' ')
          .append(example(entry))
          .append("`\n");
    }
    return out.toString();
  }

  /** The first example the expression matches, else the first. */
  private static String example(Entry entry) {
    return entry.examples().stream()
        .filter(e -> StepExpressions.matches(entry.expression(), e))
        .findFirst()
        .orElse(entry.examples().get(0));
  }
}
