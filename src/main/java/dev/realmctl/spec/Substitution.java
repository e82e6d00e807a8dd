package dev.realmctl.spec;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${env:NAME}} and {@code ${file:PATH}} in scalar values. Any other {@code ${...}}
 * stays as written: Keycloak uses that syntax for its own message keys ({@code
 * ${profileScopeConsentText}}).
 */
public final class Substitution {
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{(env|file):([^}]*)}");

  private final Variables variables;
  private final Redactor redactor;

  public Substitution(Variables variables, Redactor redactor) {
    this.variables = variables;
    this.redactor = redactor;
  }

  public record Result(String value, boolean substituted, Optional<String> error) {}

  public Result apply(String scalar, Path specFolder) {
    Matcher matcher = REFERENCE.matcher(scalar);
    if (!matcher.find()) {
      return new Result(scalar, false, Optional.empty());
    }
    matcher.reset();
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String kind = matcher.group(1);
      String name = matcher.group(2).trim();
      Variables.Read read =
          kind.equals("env")
              ? Variables.Read.of(
                  variables.env(name), "environment variable " + name + " is not set")
              : variables.file(specFolder, name);
      Optional<String> value = read.value();
      if (value.isEmpty()) {
        String what = read.failure();
        return new Result(scalar, false, Optional.of("${" + kind + ":" + name + "}: " + what));
      }
      redactor.remember(value.get());
      matcher.appendReplacement(out, Matcher.quoteReplacement(value.get()));
    }
    matcher.appendTail(out);
    return new Result(out.toString(), true, Optional.empty());
  }
}
