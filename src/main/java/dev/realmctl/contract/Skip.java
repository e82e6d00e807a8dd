package dev.realmctl.contract;

import org.opentest4j.TestAbortedException;

/**
 * A scenario that cannot run here, and why: Cucumber reports it skipped, with the reason alone (a
 * stack trace would bury it).
 */
final class Skip extends TestAbortedException {
  Skip(String reason) {
    super(reason);
  }

  static void unless(boolean condition, String reason) {
    if (!condition) {
      throw new Skip(reason);
    }
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
