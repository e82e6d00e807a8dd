package dev.realmctl.spec;

import java.util.List;
import java.util.stream.Collectors;

/** The spec cannot be used as written; nothing has been sent to Keycloak. */
public final class SpecException extends RuntimeException {
  private final transient List<Problem> problems;

  public SpecException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
