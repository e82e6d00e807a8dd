package dev.realmctl.contract;

import java.util.Arrays;

/**
 * Which token of Keycloak's answer a claim step reads, as a feature names it: {@code the access
 * token ...}, {@code the ID token ...}. One step serves both, so the wording stays the same.
 */
enum TokenKind {
  ACCESS("access token"),
  ID("ID token");

  /** The Cucumber parameter {@code {token}}: the words of every kind. */
  static final String NAME = "token";

  static final String PATTERN = "access token|ID token";

  private final String words;

  TokenKind(String words) {
    this.words = words;
  }

  static TokenKind of(String words) {
    return Arrays.stream(values())
        .filter(kind -> kind.words.equals(words))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not a token: " + words));
  }

  @Override
  public String toString() {
    return words;
  }
}
