package dev.realmctl.contract;

import io.cucumber.cucumberexpressions.ExpressionFactory;
import io.cucumber.cucumberexpressions.ParameterType;
import io.cucumber.cucumberexpressions.ParameterTypeRegistry;
import java.util.Locale;

/**
 * Cucumber's own reading of a step expression, to tell whether a line of a feature is that step.
 */
final class StepExpressions {
  private StepExpressions() {}

  static boolean matches(String expression, String line) {
    ParameterTypeRegistry registry = new ParameterTypeRegistry(Locale.ENGLISH);
    // The step library's own parameter types, as ClaimSteps defines them for Cucumber.
    registry.defineParameterType(
        new ParameterType<>(TokenKind.NAME, TokenKind.PATTERN, TokenKind.class, TokenKind::of));
    return new ExpressionFactory(registry).createExpression(expression).match(line) != null;
  }
}
