package dev.realmctl.keycloak;

import dev.realmctl.plan.LiveRealm;
import dev.realmctl.plan.LiveState;
import dev.realmctl.spec.RealmSpec;
import jakarta.ws.rs.NotFoundException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.keycloak.admin.client.resource.RealmResource;

/**
 * Reads the realms of the specs, each kind through its edge in {@link Edges#READ_ORDER}. The edges
 * read in bulk where Keycloak offers it: list calls, and one partial export of the realm for roles,
 * groups, scope mappings and flows.
 */
public final class LiveReader {
  private static final int PARALLEL_REALMS = 4;
  private final Connection connection;

  public LiveReader(Connection connection) {
    this.connection = connection;
  }

  /**
   * Reads the server's version first (one request), then every realm of the specs, a few at a time:
   * a folder of hundreds of tenant realms is read in a fraction of the time, without a burst that
   * would load Keycloak like a login storm.
   */
  public Snapshot read(List<RealmSpec> specs) {
    java.time.Instant readAt = java.time.Instant.now();
    connection.serverVersion();
    Map<String, LiveRealm> realms = new LinkedHashMap<>();
    Map<String, RealmIds> ids = new HashMap<>();
    Map<String, Future<Optional<LiveRealm>>> reads = new LinkedHashMap<>();
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.min(PARALLEL_REALMS, specs.size() + 1));
    try {
      for (RealmSpec spec : specs) {
        RealmIds realmIds = new RealmIds();
        ids.put(spec.realm(), realmIds);
        reads.put(
            spec.realm(), pool.submit(() -> connection.retry().call(() -> read(spec, realmIds))));
      }
      reads.forEach((realm, read) -> join(read).ifPresent(live -> realms.put(realm, live)));
    } finally {
      pool.shutdownNow();
    }
    return new Snapshot(
        new LiveState(realms, connection.behaviour(), connection.providers()), ids, readAt);
  }

  private static <T> T join(Future<T> read) {
    try {
      return read.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime
          ? runtime
          : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading Keycloak", e);
    }
  }

  private Optional<LiveRealm> read(RealmSpec spec, RealmIds ids) {
    RealmResource realm = connection.keycloak().realm(spec.realm());
    Map<String, Object> settings;
    try {
      settings = Json.toMap(realm.toRepresentation());
    } catch (NotFoundException absent) {
      return Optional.empty();
    } catch (RuntimeException refused) {
      throw ReadRights.explained(spec.realm(), ReadRights.realm(), refused);
    }
    RealmRead read = new RealmRead(realm, ids);
    LiveRealm live = LiveRealm.of(settings);
    for (KindEdge edge : Edges.READ_ORDER) {
      try {
        live = edge.read(spec, read, live);
      } catch (RuntimeException refused) {
        throw ReadRights.explained(spec.realm(), ReadRights.of(edge), refused);
      }
    }
    return Optional.of(live);
  }

  /** Everything a realm has, as the same edges read it for a plan: what an export writes. */
  public LiveRealm readAll(String name) {
    connection.serverVersion();
    RealmResource realm = connection.keycloak().realm(name);
    RealmRead read = new RealmRead(realm, new RealmIds());
    LiveRealm live = LiveRealm.of(Json.toMap(realm.toRepresentation()));
    for (KindEdge edge : Edges.READ_ORDER) {
      live = edge.readAll(name, read, live);
    }
    return live;
  }
}
