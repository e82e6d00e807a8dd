package dev.realmctl.plan;

public enum Action {
  CREATE("+", "create"),
  UPDATE("~", "update"),
  DELETE("-", "delete");

  private final String symbol;
  private final String verb;

  Action(String symbol, String verb) {
    this.symbol = symbol;
    this.verb = verb;
  }

  public String symbol() {
    return symbol;
  }

  public String verb() {
    return verb;
  }
}
