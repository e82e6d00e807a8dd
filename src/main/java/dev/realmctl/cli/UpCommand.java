package dev.realmctl.cli;

import picocli.CommandLine.Command;

@Command(
    name = "up",
    description = "Start a local Keycloak, apply realms/, and print how to get a token.")
final class UpCommand implements java.util.concurrent.Callable<Integer> {
  @Override
  public Integer call() {
    return ExitCodes.ERROR;
  }
}
