package dev.realmctl.keycloak;

import dev.realmctl.plan.Action;
import dev.realmctl.plan.Change;
import dev.realmctl.plan.Kind;
import dev.realmctl.plan.OwnershipPlanner;
import dev.realmctl.plan.Plan;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Executes a plan, change by change, in the plan's order; nothing else is decided here. On a
 * failure it stops and says what was done and what was not: planning again picks up from there.
 */
public final class Applier {
  private static final Map<Kind, ChangeWriter<?>> WRITERS = Edges.writers();

  static final int DEFAULT_PARALLELISM = 4;

  /**
   * How long removals wait after the additions that replace them. A password login reads the user
   * when it starts and the groups' roles when it issues the token, hundreds of milliseconds later
   * (more on a loaded server): without the pause, a login that straddles both writes saw a user
   * moved out of both groups (MakeBeforeBreakIT, 1 of 17 logins).
   */
  public static final Duration DEFAULT_BREAK_AFTER = Duration.ofSeconds(5);

  /**
   * Keycloak's answers when its database failed under a write (a lock, a deadlock, a constraint
   * tripping at commit rather than in its own checks): the transaction was rolled back.
   */
  private static final List<String> DATABASE_FAILURES =
      List.of("Duplicate resource error", "Database operation failed");

  private final Connection connection;
  private final Snapshot snapshot;
  private final Retry retry;
  private final int parallelism;
  private final Duration breakAfter;

  public Applier(Connection connection, Snapshot snapshot, int parallelism, Duration breakAfter) {
    this.connection = connection;
    this.snapshot = snapshot;
    this.retry = connection.retry();
    this.parallelism = Math.max(1, parallelism);
    this.breakAfter = breakAfter;
  }

  /** What apply reports as it goes. */
  @FunctionalInterface
  public interface Listener {
    void done(Change change);

    /** Apply pauses before its first removal, so that what replaces it is live everywhere. */
    default void waiting(Duration pause) {}
  }

  public record Result(List<Change> done, List<Change> notDone) {}

  /** Thrown when a change fails; carries what was applied before it. */
  public static final class Failure extends RuntimeException {
    private final transient Result result;
    private final transient Change failed;

    Failure(Change failed, Result result, RuntimeException cause) {
      super(
          failed.source().map(location -> location + ": ").orElse("")
              + failed.action().verb()
              + " "
              + failed.address()
              + " failed: "
              + describe(cause),
          cause);
      this.failed = failed;
      this.result = result;
    }

    public Result result() {
      return result;
    }

    public Change failed() {
      return failed;
    }
  }

  /**
   * Runs the plan in order. Consecutive changes of one kind, level and action are independent of
   * each other (the plan orders every dependency across kinds), so each such run is spread over a
   * bounded pool; the next run starts only when the previous one is complete.
   */
  public Result apply(Plan plan, Listener listener) {
    List<Change> changes = plan.changes();
    Target target =
        new Target(connection, snapshot.ids(), Target.Planned.of(plan, snapshot.readAt()));
    List<Change> done = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(parallelism);
    OptionalInt breakPoint = plan.breakPoint();
    try {
      for (List<Change> batch : batches(changes, breakPoint)) {
        if (breakPoint.isPresent() && batch.get(0) == changes.get(breakPoint.getAsInt())) {
          pause(listener);
        }
        List<Future<?>> running = new ArrayList<>();
        for (Change change : batch) {
          running.add(
              pool.submit(
                  () -> {
                    write(change, target);
                    done.add(change);
                    listener.done(change);
                  }));
        }
        for (int i = 0; i < running.size(); i++) {
          try {
            running.get(i).get();
          } catch (ExecutionException e) {
            running.forEach(f -> f.cancel(false));
            awaitQuiet(running);
            throw recordingCreated(
                failure(batch.get(i), changes, done, e.getCause()), listener, target);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(batch.get(i), changes, done, e);
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return new Result(List.copyOf(done), List.of());
  }

  /**
   * Records what the failed apply created, so that a later {@code --prune} can delete it: the
   * plan's ownership record is written last, and would otherwise never be. A failure of this write
   * too is kept with the first.
   */
  private Failure recordingCreated(Failure failure, Listener listener, Target target) {
    for (Change record :
        OwnershipPlanner.afterFailure(failure.result().notDone(), failure.result().done())) {
      try {
        write(record, target);
        listener.done(record);
      } catch (RuntimeException e) {
        failure.addSuppressed(e);
      }
    }
    return failure;
  }

  private void write(Change change, Target target) {
    TypedChange<?> typed = TypedChange.of(WRITERS, change);
    retry.run(
        () -> {
          try {
            typed.write(target);
          } catch (RuntimeException e) {
            settle(typed, withBody(e), target);
          }
        });
  }

  /**
   * Decides what a refused write means; most refusals fail the apply. A delete that finds nothing
   * has the end it wanted. A create that Keycloak refused (409, or 400 from a realm import racing
   * another) may have taken effect all the same: a retry finds its own first attempt, a concurrent
   * apply of the same spec got there first. Both are success, and looking the resource up tells
   * them from a real conflict (a taken email, say), which fails. Keycloak's own database failing
   * under it ("Database operation failed", or a unique constraint tripping at commit: "Duplicate
   * resource error") means nothing was written, and the write is tried again.
   */
  private void settle(TypedChange<?> typed, RuntimeException answer, Target target) {
    Change change = typed.change();
    if (change.action() == Action.DELETE && isGone(answer)) {
      return;
    }
    if (change.action() == Action.CREATE && Retry.isClientError(answer) && typed.exists(target)) {
      return;
    }
    String message = String.valueOf(answer.getMessage());
    if (DATABASE_FAILURES.stream().anyMatch(message::contains)) {
      throw new Retry.Again(answer);
    }
    throw answer;
  }

  /** What a delete finds when a concurrent apply deleted first: the same end. */
  private static boolean isGone(RuntimeException answer) {
    return answer instanceof Target.Absent
        || answer instanceof NotFoundException
        || (answer instanceof WebApplicationException web
            && web.getResponse() != null
            && web.getResponse().getStatus() == 404);
  }

  /** The failure with Keycloak's answer read once into its message, so it can be shown later. */
  private static RuntimeException withBody(RuntimeException e) {
    if (e instanceof WebApplicationException web
        && web.getResponse() != null
        && (web.getMessage() == null || !web.getMessage().startsWith("HTTP "))) {
      return new WebApplicationException(describe(e), e, web.getResponse().getStatus());
    }
    return e;
  }

  private void pause(Listener listener) {
    if (breakAfter.isZero()) {
      return;
    }
    listener.waiting(breakAfter);
    try {
      Thread.sleep(breakAfter.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted before removing", e);
    }
  }

  /**
   * Runs of consecutive changes with the same kind, level and action, and the break point always
   * starts a run: a sub-group is created only once its parent's run is complete. A realm is always
   * alone: each new realm also writes to the master realm (its {@code <realm>-realm} client and
   * admin roles), and realm creates were never tried side by side.
   */
  private static List<List<Change>> batches(List<Change> changes, OptionalInt breakPoint) {
    List<List<Change>> batches = new ArrayList<>();
    List<Change> current = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      Change change = changes.get(i);
      boolean joins =
          !current.isEmpty()
              && (breakPoint.isEmpty() || breakPoint.getAsInt() != i)
              && change.id().kind() != Kind.REALM
              && current.get(0).id().kind() == change.id().kind()
              && current.get(0).id().level() == change.id().level()
              && current.get(0).action() == change.action();
      if (!joins && !current.isEmpty()) {
        batches.add(current);
        current = new ArrayList<>();
      }
      current.add(change);
    }
    if (!current.isEmpty()) {
      batches.add(current);
    }
    return batches;
  }

  private static void awaitQuiet(List<Future<?>> running) {
    for (Future<?> future : running) {
      try {
        if (!future.isCancelled()) {
          future.get();
        }
      } catch (Exception ignored) {
        // Only waiting for in-flight writes to end, so the report of what was done is complete.
      }
    }
  }

  private static Failure failure(
      Change failed, List<Change> all, List<Change> done, Throwable cause) {
    List<Change> finished = List.copyOf(done);
    List<Change> notDone = all.stream().filter(c -> !finished.contains(c)).toList();
    RuntimeException runtime =
        cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
    return new Failure(failed, new Result(finished, notDone), runtime);
  }

  /** Keycloak's own error text, which names the field it refused, when it sent one. */
  static String describe(RuntimeException e) {
    if (e instanceof WebApplicationException web && web.getResponse() != null) {
      String status = "HTTP " + web.getResponse().getStatus();
      String message =
          web.getMessage() != null && web.getMessage().startsWith(status)
              ? web.getMessage()
              : status;
      String body = body(web);
      return body.isBlank() || message.contains(body) ? message : message + " " + body;
    }
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName()
        + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }

  private static String body(WebApplicationException web) {
    try {
      return web.getResponse().hasEntity() ? web.getResponse().readEntity(String.class) : "";
    } catch (RuntimeException consumedOrGone) {
      // The status is all there is.
      return "";
    }
  }
}
