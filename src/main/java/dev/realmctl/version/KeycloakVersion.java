package dev.realmctl.version;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Keycloak server version as the server reports it ({@code systemInfo.version}, e.g. {@code
 * 26.0.8}, {@code 26.8.1}, {@code 999.0.0-SNAPSHOT} for a nightly). Compared by major, minor and
 * patch; the text is kept as the server wrote it.
 */
public record KeycloakVersion(int major, int minor, int patch, String text)
    implements Comparable<KeycloakVersion> {
  private static final Pattern NUMBERS = Pattern.compile("^(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?.*");
  private static final Comparator<KeycloakVersion> ORDER =
      Comparator.comparingInt(KeycloakVersion::major)
          .thenComparingInt(KeycloakVersion::minor)
          .thenComparingInt(KeycloakVersion::patch);

  /** {@code 26.0.8}, {@code 26.0}, {@code 26.8.1-SNAPSHOT}; empty for text without a version. */
  public static Optional<KeycloakVersion> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = NUMBERS.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new KeycloakVersion(
            number(m.group(1)), number(m.group(2)), number(m.group(3)), text.strip()));
  }

  /** A version named in code, such as the one a behaviour changed with. */
  public static KeycloakVersion of(String text) {
    return parse(text).orElseThrow(() -> new IllegalArgumentException("not a version: " + text));
  }

  private static int number(String group) {
    return group == null ? 0 : Integer.parseInt(group);
  }

  public boolean atLeast(KeycloakVersion other) {
    return compareTo(other) >= 0;
  }

  public boolean before(KeycloakVersion other) {
    return compareTo(other) < 0;
  }

  /** The minor release, as a behaviour names it: {@code 25}, {@code 26.1}. */
  public String minorName() {
    return minor == 0 && patch == 0 ? Integer.toString(major) : major + "." + minor;
  }

  @Override
  public int compareTo(KeycloakVersion other) {
    return ORDER.compare(this, other);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeycloakVersion v && compareTo(v) == 0;
  }

  @Override
  public int hashCode() {
    return (major * 1000 + minor) * 1000 + patch;
  }

  @Override
  public String toString() {
    return text;
  }
}
