package dev.realmctl.keycloak;

import dev.realmctl.plan.LiveRealm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a live realm as a spec: what was clicked together becomes reviewable. It reads the realm
 * through the same edges a plan reads it with, and each kind writes its own part: no internal ids,
 * no secrets. Planning the result against the same realm shows no change, because every exported
 * value is the live one. {@link #exportChanges} leaves out what a new realm of the same server
 * holds too ({@link ExportDefaults}).
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

  /** The realm less what Keycloak puts into a new realm, learnt from a throwaway one. */
  public Export exportChanges(String realmName) {
    Export full = export(realmName);
    List<String> notes = new ArrayList<>(full.notes());
    var newRealm = NewRealmSample.export(connection, realmName, name -> export(name).spec());
    newRealm.ifPresentOrElse(
        fresh ->
            notes.add("only what differs from a new realm of this server (--full: everything)"),
        () ->
            notes.add(
                "everything: this login may not create the throwaway realm that shows a new"
                    + " realm's defaults"));
    return new Export(
        newRealm
            .map(fresh -> ExportDefaults.withoutDefaults(full.spec(), fresh))
            .orElse(full.spec()),
        notes);
  }
}
