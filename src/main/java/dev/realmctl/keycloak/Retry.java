package dev.realmctl.keycloak;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Retries what failed for a passing reason (connection refused or reset, a timeout, 502/503/504)
 * with exponential backoff, within a bounded total time. A 4xx is never retried: it means the
 * request was wrong and saying so at once is kinder.
 */
final class Retry {
  private static final Set<Integer> TRANSIENT_STATUS = Set.of(502, 503, 504);
  private static final Duration FIRST_DELAY = Duration.ofMillis(250);
  private static final Duration MAX_DELAY = Duration.ofSeconds(5);
  private final Duration budget;

  Retry(Duration budget) {
    this.budget = budget;
  }

  /**
   * The attempt number (from 1) is given to the call, so a create can tell a retry from a first
   * try.
   */
  interface Attempt<T> {
    T call(int attempt);
  }

  <T> T call(Attempt<T> action) {
    Instant deadline = Instant.now().plus(budget);
    Duration delay = FIRST_DELAY;
    for (int attempt = 1; ; attempt++) {
      try {
        return action.call(attempt);
      } catch (RuntimeException e) {
        if (!isTransient(e) || Instant.now().plus(delay).isAfter(deadline)) {
          throw e;
        }
        sleep(delay);
        delay = delay.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay.multipliedBy(2);
      }
    }
  }

  <T> T call(Supplier<T> action) {
    return call(attempt -> action.get());
  }

  void run(Runnable action) {
    call(
        attempt -> {
          action.run();
          return null;
        });
  }

  static boolean isTransient(Throwable e) {
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

  static boolean isConflict(Throwable e) {
    return e instanceof WebApplicationException web
        && web.getResponse() != null
        && web.getResponse().getStatus() == 409;
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
