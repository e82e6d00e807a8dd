package dev.realmctl.spec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A secret value (client secret, password). Its {@code toString} never reveals it, so no log, plan
 * or error message can print it by accident; only the Keycloak edge calls {@link #reveal()}.
 */
public final class Sensitive {
  private final String value;

  public Sensitive(String value) {
    this.value = value;
  }

  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Sensitive that
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return 0;
  }

  @Override
  public String toString() {
    return "(sensitive)";
  }
}
