package dev.realmctl.spec;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${env:NAME}} and {@code ${file:PATH}} in scalar values. Any other {@code ${...}}
 * stays as written: Keycloak uses that syntax for its own message keys ({@code
 * ${profileScopeConsentText}}).
 *
 * <p>A reference that resolves to nothing, to an empty or a blank value, or that is written almost
 * right ({@code ${ENV:NAME}}, {@code ${env:}}, an unclosed brace) is an error: pipelines pass a
 * missing secret as an empty string, and a reference taken as literal text would become the secret.
 */
public final class Substitution {
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{(env|file):([^}]*)}");

  /** Anything that starts like a reference, in any case and spacing. */
  private static final Pattern LOOKS_LIKE_REFERENCE =
      Pattern.compile("\\$\\{\\s*(?i:env|file)\\s*:");

  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Variables variables;
  private final Redactor redactor;

  public Substitution(Variables variables, Redactor redactor) {
    this.variables = variables;
    this.redactor = redactor;
  }

  public record Result(String value, boolean substituted, Optional<String> error) {
    static Result unchanged(String value) {
      return new Result(value, false, Optional.empty());
    }

    /** Written as a reference, so never taken for a value written in the spec. */
    static Result failed(String value, String error) {
      return new Result(value, true, Optional.of(error));
    }
  }

  public Result apply(String scalar, Path specFolder) {
    Matcher matcher = REFERENCE.matcher(scalar);
    StringBuilder out = new StringBuilder();
    int end = 0;
    boolean any = false;
    while (matcher.find()) {
      Optional<String> malformed = malformedBetween(scalar, end, matcher.start());
      if (malformed.isPresent()) {
        return Result.failed(scalar, malformed.get());
      }
      String kind = matcher.group(1);
      String name = matcher.group(2).trim();
      Optional<String> invalid = invalidName(kind, name);
      if (invalid.isPresent()) {
        return Result.failed(scalar, invalid.get());
      }
      Variables.Read read =
          kind.equals("env")
              ? Variables.Read.of(
                  variables.env(name), "environment variable " + name + " is not set")
              : variables.file(specFolder, name);
      Optional<String> value = read.value();
      if (value.isEmpty()) {
        return Result.failed(scalar, "${" + kind + ":" + name + "}: " + read.failure());
      }
      if (value.get().isBlank()) {
        String what = kind.equals("env") ? "environment variable " + name : "file " + name;
        return Result.failed(
            scalar,
            "${"
                + kind
                + ":"
                + name
                + "}: "
                + what
                + " is empty; an empty value is never taken as a secret");
      }
      redactor.remember(value.get());
      out.append(scalar, end, matcher.start()).append(value.get());
      end = matcher.end();
      any = true;
    }
    Optional<String> malformed = malformedBetween(scalar, end, scalar.length());
    if (malformed.isPresent()) {
      return Result.failed(scalar, malformed.get());
    }
    if (!any) {
      return Result.unchanged(scalar);
    }
    String result = out.append(scalar, end, scalar.length()).toString();
    redactor.remember(result);
    return new Result(result, true, Optional.empty());
  }

  private static Optional<String> malformedBetween(String scalar, int from, int to) {
    Matcher suspect = LOOKS_LIKE_REFERENCE.matcher(scalar).region(from, to);
    if (!suspect.find()) {
      return Optional.empty();
    }
    String written = suspect.group();
    return Optional.of(
        "'"
            + written
            + "...' is not a reference realmctl reads: write ${env:NAME} or ${file:PATH}"
            + " (lower case, closed with })");
  }

  private static Optional<String> invalidName(String kind, String name) {
    if (name.isEmpty()) {
      return Optional.of("${" + kind + ":} names nothing: write ${" + kind + ":NAME}");
    }
    if (kind.equals("env") && !ENV_NAME.matcher(name).matches()) {
      return Optional.of(
          "${env:"
              + name
              + "}: not an environment variable name (letters, digits and _, not starting with a"
              + " digit)");
    }
    return Optional.empty();
  }
}
