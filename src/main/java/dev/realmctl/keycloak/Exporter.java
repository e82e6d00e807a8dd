package dev.realmctl.keycloak;

import dev.realmctl.plan.LiveRealm;
import java.util.ArrayList;
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
    Map<String, Object> spec = new LinkedHashMap<>();
    for (KindEdge edge : Edges.ALL) {
      edge.export(realmName, live, connection.behaviour(), spec, notes);
    }
    for (KindEdge edge : Edges.ALL) {
      edge.exportInto(realmName, live).forEach(fields -> fields.layOn(spec));
    }
    return new Export(spec, notes);
  }
}
