package dev.realmctl.cli;

import dev.realmctl.contract.ContractRun;
import dev.realmctl.contract.StepGlossary;
import dev.realmctl.keycloak.Connection;
import dev.realmctl.spec.Variables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * The contract: a team's .feature files, in its own words, run by Cucumber with realmctl's step
 * library against its Keycloak. Secrets and names come from the realm specs, as apply reads them.
 */
@Command(
    name = "test",
    description =
        "Run the contract: the .feature files under PATH against Keycloak, with realmctl's steps."
            + " Exit 0 when every scenario passes, 1 otherwise.")
final class TestCommand implements java.util.concurrent.Callable<Integer> {
  private static final Pattern EXPORT = Pattern.compile("^export ([A-Za-z0-9_]+)='([^']*)'$");

  @ParentCommand Realmctl root;
  @Mixin ServerOptions server;

  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description = "Feature files or folders. Default: features/")
  List<Path> features = List.of(Path.of("features"));

  @Option(
      names = "--realms",
      split = ",",
      paramLabel = "PATH",
      description = "The realm specs the features name. Default: realms/")
  List<Path> realms = List.of(Path.of("realms"));

  @Option(
      names = "--tags",
      paramLabel = "EXPRESSION",
      description = "Only scenarios whose tags match, e.g. \"not @directory\".")
  Optional<String> tags = Optional.empty();

  @Option(
      names = "--dry-run",
      description = "Check that every step of every scenario exists, without running any.")
  boolean dryRun;

  @Option(names = "--steps", description = "Print every step realmctl knows, with an example.")
  boolean steps;

  @Option(
      names = "--apply",
      description =
          "Apply each realm the features name before its first scenario. Without it nothing is"
              + " written: a realm must already match its spec.")
  boolean apply;

  @Option(
      names = "--isolated",
      description =
          "On a server of your own: every scenario applies copies of its realms under new names,"
              + " and scenarios tagged @mutates (console changes) run too.")
  boolean isolated;

  @Option(
      names = "--report",
      paramLabel = "DIR",
      description = "Where the JUnit XML and HTML reports go. Default: contract-report")
  Path report = Path.of("contract-report");

  @Option(
      names = "--state-dir",
      description = "Where `realmctl up` wrote up.env, read when KEYCLOAK_URL is unset.")
  Path stateDir = Path.of(".realmctl");

  @Override
  public Integer call() throws IOException {
    Output output = root.output();
    if (steps) {
      output.print(StepGlossary.text());
      return ExitCodes.OK;
    }
    if (apply && isolated) {
      throw new ExitCodes.UserError("--apply and --isolated: choose one");
    }
    for (Path path : features) {
      if (!Files.exists(path)) {
        throw new ExitCodes.UserError(path + ": no such file or folder");
      }
    }
    if (!dryRun) {
      ContractRun.install(run());
    }
    System.setProperty("cucumber.publish.quiet", "true");
    byte status =
        io.cucumber.core.cli.Main.run(
            cucumberArguments().toArray(String[]::new), TestCommand.class.getClassLoader());
    output.error(
        "Reports: " + report.resolve("contract.html") + ", " + report.resolve("junit.xml"));
    return status == 0 ? ExitCodes.OK : ExitCodes.ERROR;
  }

  private List<String> cucumberArguments() {
    List<String> args = new ArrayList<>();
    args.addAll(List.of("--glue", "dev.realmctl.contract"));
    args.addAll(List.of("--plugin", "pretty", "--plugin", "summary"));
    args.addAll(List.of("--plugin", "junit:" + report.resolve("junit.xml")));
    args.addAll(List.of("--plugin", "html:" + report.resolve("contract.html")));
    if (System.console() == null) {
      args.add("--monochrome");
    }
    tags.ifPresent(t -> args.addAll(List.of("--tags", t)));
    if (dryRun) {
      args.add("--dry-run");
    }
    features.forEach(p -> args.add(p.toString()));
    return args;
  }

  /**
   * Against KEYCLOAK_URL (or --server) with the admin login of the environment; else against the
   * server `realmctl up` started, with the login and secrets it wrote.
   */
  private ContractRun run() throws IOException {
    Map<String, String> up = new HashMap<>();
    Connection.Settings admin;
    if (server.server.isEmpty() && root.env("KEYCLOAK_URL").isEmpty()) {
      up.putAll(upEnvironment());
      String url = up.get("KEYCLOAK_URL");
      boolean ownLogin =
          root.env("KEYCLOAK_USER").isPresent() || root.env("KEYCLOAK_CLIENT_SECRET").isPresent();
      admin =
          ownLogin
              ? server.settings(root, url)
              : Connection.Settings.password(
                  url, up.getOrDefault("KEYCLOAK_USER", "admin"), up.get("KEYCLOAK_PASSWORD"));
    } else {
      admin = server.settings(root);
    }
    up.values().forEach(root.redactor()::remember);
    Variables variables = name -> root.env(name).or(() -> Optional.ofNullable(up.get(name)));
    ContractRun.Mode mode =
        isolated
            ? ContractRun.Mode.ISOLATED
            : apply ? ContractRun.Mode.APPLY : ContractRun.Mode.VERIFY;
    return new ContractRun(
        admin.serverUrl(),
        Optional.of(admin),
        variables,
        realms,
        Path.of(""),
        mode,
        UnaryOperator.identity());
  }

  private Map<String, String> upEnvironment() throws IOException {
    Path file = stateDir.resolve("up.env");
    if (!Files.isRegularFile(file)) {
      throw new ExitCodes.UserError(
          "no Keycloak: set KEYCLOAK_URL (and an admin login), pass --server, or start one with"
              + " `realmctl up` ("
              + file
              + " not found)");
    }
    Map<String, String> values = new HashMap<>();
    for (String line : Files.readAllLines(file)) {
      Matcher m = EXPORT.matcher(line);
      if (m.matches()) {
        values.put(m.group(1), m.group(2));
      }
    }
    if (!values.containsKey("KEYCLOAK_URL")) {
      throw new ExitCodes.UserError(file + " names no KEYCLOAK_URL");
    }
    return values;
  }
}
