package dev.realmctl.keycloak;

import dev.realmctl.spec.RealmSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether each node of a cluster serves what was applied through one of them. Nodes cache realms
 * and users and drop an entry when another node says it changed; a node that has not yet heard
 * would still hand out tokens of the old state. A node serves the new state when a plan read
 * through it is empty.
 */
public final class NodeConvergence {
  private static final Duration INTERVAL = Duration.ofMillis(250);

  /** What one node was seen to serve; {@code lastError} when it could not be read at the end. */
  public record Report(
      String url,
      boolean served,
      Duration waited,
      int plans,
      int pending,
      Optional<String> lastError) {}

  /** Some node did not serve the applied state in time. */
  public static final class NotServed extends RuntimeException {
    private final transient List<Report> reports;

    NotServed(List<Report> reports, Duration timeout) {
      super(
          reports.stream().filter(r -> !r.served()).count()
              + " of "
              + reports.size()
              + " nodes did not serve the applied state within "
              + timeout.toSeconds()
              + " s");
      this.reports = reports;
    }

    public List<Report> reports() {
      return reports;
    }
  }

  private NodeConvergence() {}

  /**
   * Plans through each node until its plan is empty or the shared deadline passes, and reports per
   * node. Throws {@link NotServed} (carrying the same reports) when a node did not get there.
   */
  public static List<Report> await(
      List<Connection.Settings> nodes, List<RealmSpec> specs, boolean prune, Duration timeout) {
    Instant started = Instant.now();
    Instant deadline = started.plus(timeout);
    List<Report> reports = new ArrayList<>();
    for (Connection.Settings node : nodes) {
      reports.add(awaitOne(node, specs, prune, started, deadline));
    }
    if (reports.stream().anyMatch(r -> !r.served())) {
      throw new NotServed(reports, timeout);
    }
    return reports;
  }

  private static Report awaitOne(
      Connection.Settings node,
      List<RealmSpec> specs,
      boolean prune,
      Instant started,
      Instant deadline) {
    int plans = 0;
    int pending = -1;
    Optional<String> lastError = Optional.empty();
    do {
      // A short retry budget: a node that is down should be reported, not waited on forever.
      try (Connection connection = Connection.open(node.withRetryBudget(Duration.ofSeconds(2)))) {
        while (true) {
          plans++;
          pending = new Reconciler(connection).plan(specs, prune).plan().changes().size();
          lastError = Optional.empty();
          if (pending == 0) {
            return new Report(
                node.serverUrl(),
                true,
                Duration.between(started, Instant.now()),
                plans,
                0,
                lastError);
          }
          if (!Instant.now().isBefore(deadline)) {
            break;
          }
          sleep();
        }
      } catch (RuntimeException e) {
        lastError = Optional.of(String.valueOf(e.getMessage()));
        sleep();
      }
    } while (Instant.now().isBefore(deadline));
    return new Report(
        node.serverUrl(),
        false,
        Duration.between(started, Instant.now()),
        plans,
        pending,
        lastError);
  }

  private static void sleep() {
    try {
      Thread.sleep(INTERVAL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for nodes", e);
    }
  }
}
