package dev.realmctl.cli;

import dev.realmctl.keycloak.Applier;
import dev.realmctl.keycloak.LoginFailure;
import dev.realmctl.keycloak.NodeConvergence;
import dev.realmctl.keycloak.ReadRights;
import dev.realmctl.spec.SpecException;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one place exit codes are decided, as Terraform defines them for plan: 0 done (or no changes),
 * 1 any error, a usage error included, 2 only for {@code plan --detailed-exitcode} with changes
 * pending. Picocli's own default for a usage error is 2, which a pipeline would read as "changes
 * pending".
 */
final class ExitCodes implements IExecutionExceptionHandler {
  static final int OK = 0;
  static final int ERROR = 1;
  static final int USAGE = ERROR;
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
    } else if (e instanceof LoginFailure login) {
      output.error("error: " + login.getMessage());
      hint(login.reason()).ifPresent(output::error);
    } else if (e instanceof ReadRights.NotVisible notVisible) {
      output.error("error: " + notVisible.getMessage());
      output.error(
          "Nothing was planned: a plan from a partial view would be wrong. docs/security.md lists"
              + " the roles plan needs.");
    } else if (e instanceof UserError user) {
      output.error("error: " + user.getMessage());
    } else {
      output.error("error: " + describe(e));
    }
    return ERROR;
  }

  private static Optional<String> hint(LoginFailure.Reason reason) {
    return switch (reason) {
      case CREDENTIALS_REFUSED ->
          Optional.of(
              "Check KEYCLOAK_USER and KEYCLOAK_PASSWORD (or KEYCLOAK_CLIENT_ID and"
                  + " KEYCLOAK_CLIENT_SECRET), and KEYCLOAK_REALM.");
      case NO_SUCH_REALM -> Optional.of("Check KEYCLOAK_URL (or --server) and KEYCLOAK_REALM.");
      case UNREACHABLE ->
          Optional.of(
              "Check KEYCLOAK_URL (or --server) and that Keycloak runs there; --retry-for sets"
                  + " how long realmctl waits for it.");
      case OTHER -> Optional.empty();
    };
  }

  /** A mistyped option or a missing argument: the error, picocli's suggestion, where help is. */
  static int handleParameterException(ParameterException e, String[] args) {
    CommandLine commandLine = e.getCommandLine();
    PrintWriter err = commandLine.getErr();
    err.println("error: " + e.getMessage());
    UnmatchedArgumentException.printSuggestions(e, err);
    err.println(
        "See '" + commandLine.getCommandSpec().qualifiedName() + " --help' for the options.");
    err.flush();
    return USAGE;
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
