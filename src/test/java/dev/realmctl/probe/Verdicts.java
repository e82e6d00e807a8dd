package dev.realmctl.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the server did with one varied field: the value sent, the value an entry that left the field
 * out reads back as (the default), and the value read back.
 */
final class Verdicts {
  static final String KEPT = "kept";
  static final String DROPPED = "dropped";
  static final String REWRITTEN = "rewritten";
  static final String ADDED_TO = "addedTo";
  static final String REFUSED = "refused";
  static final String UNPROBED = "unprobed";

  /** A field's class, with what tells it: the rewrite, the items added, Keycloak's refusal. */
  record Verdict(String category, Object detail) {}

  private Verdicts() {}

  /** How the admin API and exports show a secret. */
  static final String MASK = "**********";

  static Verdict classify(Object sent, Object base, Object read) {
    if (MASK.equals(read)) {
      return new Verdict(UNPROBED, "masked: the server never shows it");
    }
    if (same(sent, read)) {
      return new Verdict(KEPT, null);
    }
    if (sent instanceof Map<?, ?> sentMap && read instanceof Map<?, ?> readMap) {
      return mapVerdict(sentMap, base, readMap);
    }
    if (sent instanceof List<?> sentList && read instanceof List<?> readList) {
      List<String> have = texts(readList);
      if (have.containsAll(texts(sentList))) {
        List<String> added = new ArrayList<>(new TreeSet<>(have));
        added.removeAll(texts(sentList));
        return new Verdict(ADDED_TO, added);
      }
    }
    if (read == null || same(base, read)) {
      return new Verdict(DROPPED, null);
    }
    Map<String, Object> rewrite = new TreeMap<>();
    rewrite.put("sent", sent);
    rewrite.put("read", read);
    return new Verdict(REWRITTEN, rewrite);
  }

  /**
   * A mapping is kept when the probe's key comes back; keys the server adds are noted. One that
   * keeps the entry's other keys but not the probe's is kept with its keys checked (rewritten).
   */
  private static Verdict mapVerdict(Map<?, ?> sent, Object base, Map<?, ?> read) {
    boolean all = sent.entrySet().stream().allMatch(e -> same(e.getValue(), read.get(e.getKey())));
    if (all) {
      TreeSet<String> added = new TreeSet<>();
      read.keySet().forEach(k -> added.add(String.valueOf(k)));
      sent.keySet().forEach(k -> added.remove(String.valueOf(k)));
      return new Verdict(ADDED_TO, new ArrayList<>(added));
    }
    boolean none =
        sent.entrySet().stream().noneMatch(e -> same(e.getValue(), read.get(e.getKey())));
    if (none && (same(base, read) || read.isEmpty())) {
      return new Verdict(DROPPED, null);
    }
    Map<String, Object> rewrite = new TreeMap<>();
    rewrite.put("sent", sent);
    rewrite.put("read", read);
    return new Verdict(REWRITTEN, rewrite);
  }

  /** Keycloak writes booleans and numbers as strings in places: "true" and true are one. */
  static boolean same(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a instanceof List<?> la && b instanceof List<?> lb) {
      return new TreeSet<>(texts(la)).equals(new TreeSet<>(texts(lb))) && la.size() == lb.size();
    }
    if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
      return ma.size() == mb.size()
          && ma.entrySet().stream().allMatch(e -> same(e.getValue(), mb.get(e.getKey())));
    }
    if (a instanceof List<?> la && la.size() == 1) {
      return same(la.get(0), b);
    }
    if (b instanceof List<?> lb && lb.size() == 1) {
      return same(a, lb.get(0));
    }
    return Objects.equals(String.valueOf(a), String.valueOf(b));
  }

  private static List<String> texts(List<?> values) {
    return values.stream().map(String::valueOf).toList();
  }
}
