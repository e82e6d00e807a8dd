package dev.realmctl.cli;

import dev.realmctl.resourceserver.ResourceServer;
import dev.realmctl.resourceserver.TokenVerifier;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "resource-server",
    description =
        "Run the sample API that validates access tokens (GET /secure-data, /protected, /health;"
            + " /restricted with --required-role).")
final class ResourceServerCommand implements java.util.concurrent.Callable<Integer> {
  @ParentCommand Realmctl root;

  @Option(
      names = "--issuer",
      required = true,
      description = "e.g. http://localhost:8080/realms/coolproject")
  String issuer;

  @Option(
      names = "--audience",
      required = true,
      description = "What aud must contain, e.g. apiserver")
  String audience;

  @Option(names = "--port", description = "Default: 8000")
  int port = 8000;

  @Option(names = "--clock-skew", description = "Seconds of leeway on exp and nbf. Default: 30")
  int clockSkew = 30;

  @Option(
      names = "--required-role",
      description = "A realm role that GET /restricted requires (403 insufficient_scope without)")
  Optional<String> requiredRole;

  @Override
  public Integer call() throws InterruptedException {
    ResourceServer server =
        ResourceServer.start(
            new TokenVerifier(issuer, audience, Duration.ofSeconds(clockSkew)),
            "127.0.0.1",
            port,
            requiredRole);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    root.output()
        .println(
            "Resource server on " + server.url() + " for " + issuer + ", audience " + audience);
    new CountDownLatch(1).await();
    return ExitCodes.OK;
  }
}
