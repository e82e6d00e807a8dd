package dev.realmctl.contract;

import io.cucumber.cucumberexpressions.ExpressionFactory;
import io.cucumber.cucumberexpressions.ParameterTypeRegistry;
import java.util.Locale;

/**
 * Cucumber's own reading of a step expression, to tell whether a line of a feature is that step.
 */
final class StepExpressions {
  private StepExpressions() {}

  static boolean matches(String expression, String line) {
    return new ExpressionFactory(new ParameterTypeRegistry(Locale.ENGLISH))
            .createExpression(expression)
            .match(line)
        != null;
  }
}
