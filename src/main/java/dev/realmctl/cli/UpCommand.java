package dev.realmctl.cli;

import dev.realmctl.local.LocalStack;
import dev.realmctl.local.SampleApi;
import dev.realmctl.local.UpInstructions;
import dev.realmctl.local.UpSecrets;
import dev.realmctl.resourceserver.ResourceServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * The newcomer's first command: a local Keycloak from the server distribution, the realms applied,
 * and how to get a token. Generated secrets go to a 0600 file, never to the terminal.
 */
@Command(
    name = "up",
    description = "Start a local Keycloak, apply the realms, and print how to get a token.")
final class UpCommand implements java.util.concurrent.Callable<Integer> {
  @ParentCommand Realmctl root;
  @Mixin SpecPaths specPaths;

  @Option(
      names = "--state-dir",
      description = "Where the local server keeps its data and secrets. Default: .realmctl")
  Path stateDir = Path.of(".realmctl");

  @Option(
      names = "--keycloak-home",
      description = "An unpacked Keycloak distribution. Default: the one the build unpacked.")
  Path keycloakHome;

  @Option(
      names = "--cluster",
      description =
          "Production topology instead: PostgreSQL (Debian's postgresql package) and two Keycloak"
              + " nodes in production mode sharing it, in one cluster.")
  boolean cluster;

  @Option(
      names = "--no-wait",
      description = "Stop the server once the realms are applied (for a smoke test).")
  boolean noWait;

  @Override
  public Integer call() throws InterruptedException {
    Output output = root.output();
    Path envFile = stateDir.resolve("up.env");
    UpSecrets secrets = UpSecrets.prepare(envFile, specPaths.paths, root::env);
    secrets.secrets().values().forEach(root.redactor()::remember);
    Path home = keycloakHome != null ? keycloakHome : LocalStack.bundledDistribution();
    LocalStack stack =
        LocalStack.start(
            new LocalStack.Settings(home, stateDir, cluster, secrets.adminPassword()),
            output::println);
    Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
    try {
      return applyAndServe(output, secrets, stack, envFile);
    } finally {
      stack.close();
    }
  }

  /** Returns at once when the apply fails or with --no-wait, else waits for Ctrl-C. */
  private int applyAndServe(Output output, UpSecrets secrets, LocalStack stack, Path envFile)
      throws InterruptedException {
    secrets.write(envFile, stack.url());
    int applied = root.nested(applyEnvironment(secrets, stack)).execute(applyArguments(stack));
    if (applied != ExitCodes.OK) {
      return applied;
    }
    try (ResourceServer api = SampleApi.start(stack.issuerBase())) {
      output.println(UpInstructions.text(stack, api.url(), envFile));
      if (!noWait) {
        output.println("Press Ctrl-C to stop Keycloak.");
        new CountDownLatch(1).await();
      }
    }
    return ExitCodes.OK;
  }

  private Map<String, String> applyEnvironment(UpSecrets secrets, LocalStack stack) {
    Map<String, String> environment = new HashMap<>(root.environment());
    environment.putAll(secrets.variables(stack.url()));
    return environment;
  }

  private String[] applyArguments(LocalStack stack) {
    List<String> args = new ArrayList<>(List.of("apply"));
    specPaths.paths.forEach(p -> args.add(p.toString()));
    if (stack.isCluster()) {
      args.add("--wait-for-nodes=" + String.join(",", stack.nodes()));
    }
    return args.toArray(String[]::new);
  }
}
