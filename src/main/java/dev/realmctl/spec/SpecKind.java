package dev.realmctl.spec;

/** The kinds of element a realm spec declares. */
public enum SpecKind {
  REALM("realm"),
  CLIENT_SCOPE("client scope"),
  CLIENT("client"),
  PROTOCOL_MAPPER("protocol mapper"),
  ROLE("role"),
  GROUP("group"),
  USER("user"),
  CREDENTIAL("credential");

  private final String label;

  SpecKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
