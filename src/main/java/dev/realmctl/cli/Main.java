package dev.realmctl.cli;

public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(Realmctl.commandLine(System.getenv()).execute(args));
  }
}
