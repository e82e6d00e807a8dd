package dev.realmctl.spec;

import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every value that came from {@code ${env:...}} or {@code ${file:...}} is a potential secret.
 * Output passes through here as a last line of defence behind {@link Sensitive}.
 */
public final class Redactor {
  public static final String MASK = "(sensitive)";
  private static final int SHORTEST_MASKED = 4;
  private final Set<String> secrets = ConcurrentHashMap.newKeySet();

  public void remember(String value) {
    if (value != null && value.length() >= SHORTEST_MASKED) {
      secrets.add(value);
    }
  }

  public String redact(String text) {
    if (text == null || secrets.isEmpty()) {
      return text;
    }
    String result = text;
    for (String secret :
        secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
      result = result.replace(secret, MASK);
    }
    return result;
  }
}
