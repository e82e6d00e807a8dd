package dev.realmctl.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubstitutionTest {
  private static final Path HERE = Path.of(".");

  private static Substitution.Result apply(Map<String, String> env, String scalar) {
    return new Substitution(Variables.of(env), new Redactor()).apply(scalar, HERE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t\n"})
  void anEmptyOrBlankVariableIsAnErrorNeverASecret(String empty) {
    Substitution.Result result = apply(Map.of("APP_SECRET", empty), "${env:APP_SECRET}");
    assertEquals(
        Optional.of(
            "${env:APP_SECRET}: environment variable APP_SECRET is empty; an empty value is never"
                + " taken as a secret"),
        result.error());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"${ENV:APP_SECRET}", "${Env:APP_SECRET}", "${ env:APP_SECRET}", "${FILE:x}"})
  void aReferenceInTheWrongCaseOrSpacingIsAnErrorNotALiteral(String written) {
    Substitution.Result result = apply(Map.of("APP_SECRET", "s3cret-value"), written);
    assertTrue(result.error().isPresent(), written);
    assertTrue(result.error().get().contains("is not a reference realmctl reads"), written);
  }

  @Test
  void anUnclosedReferenceIsAnError() {
    assertTrue(apply(Map.of("A", "value"), "${env:A").error().isPresent());
    assertTrue(apply(Map.of("A", "value"), "x-${env:A}-${env:A").error().isPresent());
  }

  @Test
  void aReferenceThatNamesNothingOrNoVariableIsAnError() {
    assertEquals(
        Optional.of("${env:} names nothing: write ${env:NAME}"),
        apply(Map.of(), "${env:}").error());
    assertTrue(apply(Map.of(), "${env:1A}").error().get().contains("not an environment variable"));
  }

  @Test
  void aWellFormedReferenceIsReplacedInsideText() {
    Substitution.Result result = apply(Map.of("HOST", "sso.example.test"), "https://${env:HOST}/x");
    assertEquals("https://sso.example.test/x", result.value());
    assertTrue(result.substituted());
    assertFalse(result.error().isPresent());
  }

  @Test
  void keycloakMessageKeysAndOtherDollarTextStayAsWritten() {
    for (String text : new String[] {"${profileScopeConsentText}", "$5", "${envelope}", "env:x"}) {
      Substitution.Result result = apply(Map.of(), text);
      assertEquals(text, result.value());
      assertFalse(result.substituted());
      assertFalse(result.error().isPresent(), text);
    }
  }
}
