package dev.realmctl.keycloak;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Retries what failed for a passing reason (connection refused or reset, a timeout, 502/503/504)
 * with exponential backoff, within a bounded total time. A 4xx is never retried: it means the
 * request was wrong and saying so at once is kinder. The first failure it retries is told to a
 * listener, once, so a wrong port does not stay silent for the whole budget.
 */
final class Retry {
  private static final Set<Integer> TRANSIENT_STATUS = Set.of(502, 503, 504);
  private static final Duration FIRST_DELAY = Duration.ofMillis(250);
  private static final Duration MAX_DELAY = Duration.ofSeconds(5);
  private final Duration budget;
  private final Consumer<RuntimeException> firstRetry;
  private final AtomicBoolean told = new AtomicBoolean();

  Retry(Duration budget) {
    this(budget, failure -> {});
  }

  Retry(Duration budget, Consumer<RuntimeException> firstRetry) {
    this.budget = budget;
    this.firstRetry = firstRetry;
  }

  Duration budget() {
    return budget;
  }

  <T> T call(Supplier<T> action) {
    // The budget runs from the first failure, so a slow first attempt (a cold JVM, a loaded
    // machine) still leaves the retries the budget promises.
    Instant deadline = null;
    Duration delay = FIRST_DELAY;
    while (true) {
      try {
        return action.get();
      } catch (RuntimeException e) {
        if (deadline == null) {
          deadline = Instant.now().plus(budget);
        }
        if (!isTransient(e) || Instant.now().plus(delay).isAfter(deadline)) {
          throw e instanceof Again again ? again.answer() : e;
        }
        if (!(e instanceof Again) && told.compareAndSet(false, true)) {
          firstRetry.accept(e);
        }
        sleep(delay);
        delay = delay.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay.multipliedBy(2);
      }
    }
  }

  void run(Runnable action) {
    call(
        () -> {
          action.run();
          return null;
        });
  }

  /** Asks for another attempt at a call whose answer, though not a transient status, was one. */
  static final class Again extends RuntimeException {
    private final transient RuntimeException answer;

    Again(RuntimeException answer) {
      super(answer.getMessage(), answer);
      this.answer = answer;
    }

    RuntimeException answer() {
      return answer;
    }
  }

  static boolean isTransient(Throwable e) {
    if (e instanceof Again) {
      return true;
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof WebApplicationException web && web.getResponse() != null) {
        return TRANSIENT_STATUS.contains(web.getResponse().getStatus());
      }
      if (cause instanceof ProcessingException
          || cause instanceof java.net.ConnectException
          || cause instanceof java.net.SocketTimeoutException
          || cause instanceof java.net.SocketException
          || cause instanceof java.io.InterruptedIOException) {
        return true;
      }
    }
    return false;
  }

  /** Why a transient failure happened, in words: "connection refused", "HTTP 503". */
  static String reason(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof WebApplicationException web && web.getResponse() != null) {
        return "HTTP "
            + web.getResponse().getStatus()
            + " "
            + web.getResponse().getStatusInfo().getReasonPhrase();
      }
      if (cause instanceof java.net.ConnectException) {
        return "connection refused";
      }
      if (cause instanceof java.net.UnknownHostException) {
        return "unknown host " + cause.getMessage();
      }
      if (cause instanceof java.net.SocketTimeoutException
          || cause instanceof java.io.InterruptedIOException) {
        return "no answer in time";
      }
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  /** A 400 or 409: what a create racing another, or a retried one, can be answered. */
  static boolean isClientError(Throwable e) {
    return e instanceof WebApplicationException web
        && web.getResponse() != null
        && (web.getResponse().getStatus() == 400 || web.getResponse().getStatus() == 409);
  }

  private static void sleep(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to retry", e);
    }
  }
}
