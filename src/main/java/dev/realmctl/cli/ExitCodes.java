package dev.realmctl.cli;

import dev.realmctl.keycloak.Applier;
import dev.realmctl.keycloak.NodeConvergence;
import dev.realmctl.spec.SpecException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** The one place exit codes are decided, as Terraform defines them for plan. */
final class ExitCodes implements IExecutionExceptionHandler {
  static final int OK = 0;
  static final int ERROR = 1;
  static final int CHANGES_PENDING = 2;

  private final Output output;

  ExitCodes(Output output) {
    this.output = output;
  }

  @Override
  public int handleExecutionException(
      Exception e, CommandLine commandLine, ParseResult parseResult) {
    if (e instanceof SpecException spec) {
      spec.problems().forEach(problem -> output.error(problem.toString()));
      long errors = spec.problems().stream().filter(p -> p.isError()).count();
      output.error(
          errors + (errors == 1 ? " error" : " errors") + "; nothing was changed in Keycloak.");
    } else if (e instanceof Applier.Failure failure) {
      output.error("error: " + failure.getMessage());
      output.error(
          "Apply stopped after "
              + failure.result().done().size()
              + " of "
              + (failure.result().done().size() + failure.result().notDone().size())
              + " changes.");
      failure
          .result()
          .done()
          .forEach(c -> output.error("  done:     " + c.action().verb() + " " + c.address()));
      failure
          .result()
          .notDone()
          .forEach(c -> output.error("  not done: " + c.action().verb() + " " + c.address()));
      output.error("Run apply again once the cause is fixed: it plans from what Keycloak has now.");
    } else if (e instanceof NodeConvergence.NotServed notServed) {
      // The apply itself succeeded; the per-node lines are already printed.
      output.error("error: " + notServed.getMessage());
    } else if (e instanceof UserError user) {
      output.error("error: " + user.getMessage());
    } else {
      output.error("error: " + describe(e));
    }
    return ERROR;
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return root == e
        ? message
        : message + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
  }

  /** A mistake in how realmctl was called or configured, reported without a stack trace. */
  static final class UserError extends RuntimeException {
    UserError(String message) {
      super(message);
    }
  }
}
