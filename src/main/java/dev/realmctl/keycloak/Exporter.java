package dev.realmctl.keycloak;

import dev.realmctl.plan.LiveRealm;
import dev.realmctl.version.VersionBehaviour;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a live realm as a spec: what was clicked together becomes reviewable. It reads the realm
 * through the same edges a plan reads it with, and each kind writes its own part: only what differs
 * from what Keycloak puts into a new realm, no internal ids, no secrets. Planning the result
 * against the same realm shows no change, because every exported value is the live one.
 */
public final class Exporter {
  private final Connection connection;

  public Exporter(Connection connection) {
    this.connection = connection;
  }

  /** The realm as a spec document, with notes for the reader (secrets left out, and so on). */
  public record Export(Map<String, Object> spec, List<String> notes) {}

  public Export export(String realmName) {
    LiveRealm live = new LiveReader(connection).readAll(realmName);
    List<String> notes = new ArrayList<>();
    return new Export(document(Edges.ALL, realmName, live, connection.behaviour(), notes), notes);
  }

  /**
   * Each edge exports into a document of its own, so it cannot touch what another kind wrote; the
   * documents are joined in the edges' order, a field two kinds export is refused, and then the
   * fields kinds add to other kinds' entries ({@link KindEdge#exportInto}) are laid on. A section
   * only such fields create takes the place of the edge that adds it.
   */
  static Map<String, Object> document(
      List<KindEdge> edges,
      String realm,
      LiveRealm live,
      VersionBehaviour behaviour,
      List<String> notes) {
    Map<String, Object> spec = new LinkedHashMap<>();
    Map<String, Integer> placeOf = new HashMap<>();
    Map<String, KindEdge> exportedBy = new HashMap<>();
    for (int i = 0; i < edges.size(); i++) {
      KindEdge edge = edges.get(i);
      Map<String, Object> own = new LinkedHashMap<>();
      edge.export(realm, live, behaviour, own, notes);
      for (var field : own.entrySet()) {
        KindEdge other = exportedBy.putIfAbsent(field.getKey(), edge);
        if (other != null) {
          throw new IllegalStateException(
              name(edge) + " exports '" + field.getKey() + "', which " + name(other) + " exports");
        }
        spec.put(field.getKey(), field.getValue());
        placeOf.put(field.getKey(), i);
      }
    }
    for (int i = 0; i < edges.size(); i++) {
      for (EntryFields fields : edges.get(i).exportInto(realm, live)) {
        fields.layOn(spec);
        placeOf.putIfAbsent(fields.topLevel(), i);
      }
    }
    List<String> order = new ArrayList<>(spec.keySet());
    order.sort(Comparator.comparingInt(placeOf::get));
    Map<String, Object> placed = new LinkedHashMap<>();
    order.forEach(field -> placed.put(field, spec.get(field)));
    return placed;
  }

  private static String name(KindEdge edge) {
    return edge.getClass().getSimpleName();
  }
}
