package dev.realmctl.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.WebApplicationException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryTest {
  private final Retry retry = new Retry(Duration.ofSeconds(5));

  @Test
  void retriesConnectionFailuresUntilTheyPass() {
    AtomicInteger calls = new AtomicInteger();
    String result =
        retry.call(
            () -> {
              if (calls.incrementAndGet() < 3) {
                throw new ProcessingException(new ConnectException("Connection refused"));
              }
              return "ok";
            });
    assertEquals("ok", result);
    assertEquals(3, calls.get());
  }

  @Test
  void retriesServiceUnavailable() {
    AtomicInteger calls = new AtomicInteger();
    retry.run(
        () -> {
          if (calls.incrementAndGet() == 1) {
            throw new ServiceUnavailableException();
          }
        });
    assertEquals(2, calls.get());
  }

  @Test
  void neverRetriesABadRequest() {
    AtomicInteger calls = new AtomicInteger();
    assertThrows(
        BadRequestException.class,
        () ->
            retry.run(
                () -> {
                  calls.incrementAndGet();
                  throw new BadRequestException();
                }));
    assertEquals(1, calls.get());
  }

  @Test
  void givesUpWhenTheBudgetIsSpent() {
    Retry brief = new Retry(Duration.ofMillis(600));
    AtomicInteger calls = new AtomicInteger();
    assertThrows(
        ProcessingException.class,
        () ->
            brief.run(
                () -> {
                  calls.incrementAndGet();
                  throw new ProcessingException(new ConnectException("Connection refused"));
                }));
    assertEquals(2, calls.get(), "250 ms, then 500 ms would pass the 600 ms budget");
  }

  @Test
  void triesAgainWhenAskedAndGivesUpWithTheAnswerItself() {
    Retry brief = new Retry(Duration.ofMillis(600));
    AtomicInteger calls = new AtomicInteger();
    WebApplicationException conflict =
        new WebApplicationException("HTTP 409 Duplicate resource error", 409);
    WebApplicationException thrown =
        assertThrows(
            WebApplicationException.class,
            () ->
                brief.run(
                    () -> {
                      calls.incrementAndGet();
                      throw new Retry.Again(conflict);
                    }));
    assertSame(conflict, thrown);
    assertEquals(2, calls.get());
  }

  @Test
  void theFirstRetriedFailureIsToldOnceAndARefusalNever() {
    java.util.List<String> told = new java.util.ArrayList<>();
    Retry listened = new Retry(Duration.ofSeconds(5), e -> told.add(Retry.reason(e)));
    AtomicInteger calls = new AtomicInteger();
    listened.run(
        () -> {
          if (calls.incrementAndGet() < 3) {
            throw new ProcessingException(new ConnectException("Connection refused"));
          }
        });
    listened.run(
        () -> {
          if (calls.incrementAndGet() < 5) {
            throw new ServiceUnavailableException();
          }
        });
    assertEquals(java.util.List.of("connection refused"), told);
    Retry other = new Retry(Duration.ofSeconds(5), e -> told.add("refusal"));
    assertThrows(
        BadRequestException.class,
        () ->
            other.run(
                () -> {
                  throw new BadRequestException();
                }));
    assertEquals(1, told.size());
  }

  @Test
  void theBudgetRunsFromTheFirstFailureNotFromASlowFirstAttempt() {
    Retry short_ = new Retry(Duration.ofMillis(300));
    AtomicInteger calls = new AtomicInteger();
    String result =
        short_.call(
            () -> {
              if (calls.incrementAndGet() == 1) {
                sleepMillis(600);
                throw new ProcessingException(new ConnectException("Connection refused"));
              }
              return "ok";
            });
    assertEquals("ok", result);
    assertEquals(2, calls.get());
  }

  private static void sleepMillis(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
