package dev.realmctl.probe;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * One representation the probe varies: how an entry of it looks that sets nothing of note (the
 * base), how entries go into a realm file, and how the server's view of them is read back.
 *
 * @param representation the admin client's class, whose fields are varied
 * @param key the name of entry {@code i} (a field only when the entry is its own thing)
 * @param skipped fields not varied here, with why: identifiers, children probed as their own kind
 * @param base the entry of a key, setting only what the server needs
 * @param embed the realm file holding the entries (each a key and its fields)
 * @param read the entries as the server has them after the import, by key
 */
record ProbeKind(
    String name,
    Class<?> representation,
    IntFunction<String> key,
    Map<String, String> skipped,
    Function<String, Map<String, Object>> base,
    BiFunction<String, List<Entry>, Map<String, Object>> embed,
    BiFunction<AdminHttp, String, Map<String, Map<String, Object>>> read) {

  /** One entry of a realm file, under its key. */
  record Entry(String key, Map<String, Object> fields) {}

  String simpleName() {
    return representation.getSimpleName();
  }

  static final String CHILD = "a child representation, probed as its own kind";
  static final String IDENTIFIER = "the entry's identifier";

  static Map<String, String> skip(String identifier, Set<String> children) {
    java.util.Map<String, String> skipped = new java.util.TreeMap<>();
    skipped.put(identifier, IDENTIFIER);
    skipped.put("id", IDENTIFIER);
    children.forEach(child -> skipped.put(child, CHILD));
    return skipped;
  }
}
