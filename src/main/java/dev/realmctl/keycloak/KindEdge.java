package dev.realmctl.keycloak;

import dev.realmctl.plan.Kind;
import dev.realmctl.plan.LiveRealm;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.version.VersionBehaviour;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The I/O edge of one resource kind: it reads the kind's part of a live realm, writes the kind's
 * changes, and exports the kind from the same read, so that planning an export shows no change.
 * Edges are registered in {@link Edges}; each reads after the kinds it names in {@link
 * #readsAfter()}, and exports only its own part.
 */
interface KindEdge {

  /** The writer of each kind this edge writes. */
  Map<Kind, ChangeWriter<?>> writers();

  /** The kinds this edge reads: what other edges name in {@link #readsAfter()}. */
  default Set<Kind> kinds() {
    return writers().keySet();
  }

  /**
   * The kinds whose live parts or ids this edge's read uses: it reads after their edges ({@link
   * Edges#READ_ORDER}). By default what its kinds depend on, since a kind refers to what it depends
   * on; an edge that uses more names it.
   */
  default Set<Kind> readsAfter() {
    Set<Kind> after = EnumSet.noneOf(Kind.class);
    kinds().forEach(kind -> after.addAll(kind.dependsOn()));
    after.removeAll(kinds());
    return after;
  }

  /**
   * The live realm with this kind's part read. The spec says whether the kind matters to it (an
   * export passes a spec that declares everything); the realm's ownership record is in {@code
   * live.settings()}.
   */
  default LiveRealm read(RealmSpec spec, RealmRead read, LiveRealm live) {
    return live;
  }

  /** The live realm with everything this kind has read, for an export. */
  default LiveRealm readAll(String name, RealmRead read, LiveRealm live) {
    return read(RealmSpec.readingEverything(name), read, live);
  }

  /** Adds the kind's part of {@code live} to an exported spec; notes name the secrets left out. */
  default void export(String realm, LiveRealm live, Map<String, Object> spec, List<String> notes) {}

  /** As above, for a kind whose export depends on what the server's version does by itself. */
  default void export(
      String realm,
      LiveRealm live,
      VersionBehaviour behaviour,
      Map<String, Object> spec,
      List<String> notes) {
    export(realm, live, spec, notes);
  }

  /**
   * Fields this kind adds to entries other kinds export (a client's authorization settings): laid
   * on by the exporter after every kind has exported its own part.
   */
  default List<EntryFields> exportInto(String realm, LiveRealm live) {
    return List.of();
  }
}
