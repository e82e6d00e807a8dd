package dev.realmctl.support;

import dev.realmctl.cli.Realmctl;
import java.io.PrintWriter;
import java.io.StringWriter;

/** realmctl run in-process, as a pipeline runs it, with this run's secrets in its environment. */
public final class Cli {
  private Cli() {}

  public record Run(int exitCode, String out, String err) {}

  public static Run run(String... args) {
    return run(TestSecrets.ofRun().environment(TestKeycloak.get()), args);
  }

  /** realmctl with a test's own secrets. */
  public static Run run(TestSecrets secrets, String... args) {
    return run(secrets.environment(TestKeycloak.get()), args);
  }

  /** realmctl with another environment: another server, another login. */
  public static Run run(java.util.Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var commandLine = Realmctl.commandLine(environment);
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    int code = commandLine.execute(args);
    return new Run(code, out.toString(), err.toString());
  }
}
