package dev.realmctl.keycloak;

import dev.realmctl.plan.Kind;
import dev.realmctl.plan.LiveRealm;
import dev.realmctl.spec.RealmSpec;
import java.util.List;
import java.util.Map;
import org.keycloak.admin.client.resource.RealmResource;

/**
 * The I/O edge of one resource kind: it reads the kind's part of a live realm, writes the kind's
 * changes, and exports the kind from the same read, so that planning an export shows no change.
 * Edges are registered in {@link Edges}.
 */
interface KindEdge {

  /** The writer of each kind this edge writes. */
  Map<Kind, ChangeWriter<?>> writers();

  /**
   * The live realm with this kind's part read. The spec says whether the kind matters to it (an
   * export passes a spec that declares everything); the realm's ownership record is in {@code
   * live.settings()}.
   */
  default LiveRealm read(RealmSpec spec, RealmResource realm, RealmIds ids, LiveRealm live) {
    return live;
  }

  /** The live realm with everything this kind has read, for an export. */
  default LiveRealm readAll(String name, RealmResource realm, RealmIds ids, LiveRealm live) {
    return read(RealmSpec.readingEverything(name), realm, ids, live);
  }

  /** Adds the kind's part of {@code live} to an exported spec; notes name the secrets left out. */
  default void export(String realm, LiveRealm live, Map<String, Object> spec, List<String> notes) {}

  /** An edge that only writes: the kinds whose reads and exports still live in LiveReader. */
  static KindEdge writing(Kind kind, ChangeWriter<?> writer) {
    return () -> Map.of(kind, writer);
  }
}
