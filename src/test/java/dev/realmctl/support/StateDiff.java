package dev.realmctl.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The differences between two normalised realm states ({@link RealmState#normalised}), each named
 * by its JSON path ({@code clients[webapp].redirectUris}) with the two values. A key present on one
 * side only is a difference; so is an array of different elements (arrays are sets once
 * normalised).
 */
public final class StateDiff {
  private StateDiff() {}

  /** One difference: where, and what each side holds there (absent is {@code <absent>}). */
  public record Difference(String path, String keycloak, String realmctl) {
    @Override
    public String toString() {
      return path + ": Keycloak's import " + keycloak + ", realmctl " + realmctl;
    }
  }

  /** What differs between Keycloak's import and realmctl's apply, paths in order. */
  public static List<Difference> between(JsonNode keycloak, JsonNode realmctl) {
    List<Difference> out = new ArrayList<>();
    walk("", keycloak, realmctl, out);
    return out;
  }

  private static void walk(String path, JsonNode left, JsonNode right, List<Difference> out) {
    if (left == null || right == null || left.isMissingNode() || right.isMissingNode()) {
      if (!absent(left) || !absent(right)) {
        out.add(new Difference(path, show(left), show(right)));
      }
      return;
    }
    if (left.isObject() && right.isObject()) {
      Set<String> keys = new TreeSet<>();
      left.fieldNames().forEachRemaining(keys::add);
      right.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        walk(child(path, key), left.get(key), right.get(key), out);
      }
      return;
    }
    if (!left.equals(right)) {
      out.add(new Difference(path, show(left), show(right)));
    }
  }

  private static boolean absent(JsonNode node) {
    return node == null || node.isMissingNode();
  }

  /** Keyed array entries are written {@code [key]}: they follow their owner without a dot. */
  static String child(String path, String key) {
    if (key.startsWith("[") || path.isEmpty()) {
      return path + key;
    }
    return path + "." + key;
  }

  private static String show(JsonNode node) {
    if (absent(node)) {
      return "<absent>";
    }
    String text = node.toString();
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }
}
