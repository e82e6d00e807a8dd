package dev.realmctl.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A group's path without its leading slash, written as Keycloak writes it when it escapes slashes
 * in group paths (its {@code escape-slashes-in-group-path} option, from Keycloak 23): the names
 * from the top down, joined by {@code /}, where a {@code /} inside a name is written {@code ~/}. So
 * the top-level group {@code ops/team} is {@code ops~/team}, and the sub-group {@code team} of
 * {@code ops} is {@code ops/team}.
 *
 * <p>Keycloak leaves {@code ~} itself unescaped, so a name that ends in {@code ~} would read as an
 * escape when a sub-group follows it; {@link GroupSpec} refuses such names.
 */
public final class GroupPath {
  public static final String SEPARATOR = "/";
  public static final String ESCAPE = "~";

  private GroupPath() {}

  /** The path of the group {@code name} under {@code parent}, or at the top without one. */
  public static String of(Optional<String> parent, String name) {
    String escaped = escape(name);
    return parent.map(p -> p + SEPARATOR + escaped).orElse(escaped);
  }

  /** The path of a group whose parent's path is {@code parent}, empty at the top. */
  public static String under(String parent, String name) {
    return of(parent.isEmpty() ? Optional.empty() : Optional.of(parent), name);
  }

  public static String escape(String name) {
    return name.replace(SEPARATOR, ESCAPE + SEPARATOR);
  }

  /** The group's names from the top down. */
  public static List<String> names(String path) {
    List<String> names = new ArrayList<>();
    int start = 0;
    for (int at : separators(path)) {
      names.add(unescape(path.substring(start, at)));
      start = at + 1;
    }
    names.add(unescape(path.substring(start)));
    return names;
  }

  /** The path of the group this one is a sub-group of. */
  public static Optional<String> parent(String path) {
    List<Integer> separators = separators(path);
    return separators.isEmpty()
        ? Optional.empty()
        : Optional.of(path.substring(0, separators.get(separators.size() - 1)));
  }

  /** How many groups are above this one. */
  public static int depth(String path) {
    return separators(path).size();
  }

  /** The path with every name's slashes left bare, as Keycloak writes it by default. */
  public static String unescaped(String path) {
    return String.join(SEPARATOR, names(path));
  }

  /** A name Keycloak's escaping cannot tell from an escaped slash once a sub-group follows it. */
  public static boolean endsLikeAnEscape(String name) {
    return name.endsWith(ESCAPE);
  }

  private static String unescape(String escaped) {
    return escaped.replace(ESCAPE + SEPARATOR, SEPARATOR);
  }

  /** The positions of the slashes that separate names: those not escaped by a {@code ~}. */
  private static List<Integer> separators(String path) {
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < path.length(); i++) {
      if (path.charAt(i) == '/' && (i == 0 || path.charAt(i - 1) != '~')) {
        at.add(i);
      }
    }
    return at;
  }
}
