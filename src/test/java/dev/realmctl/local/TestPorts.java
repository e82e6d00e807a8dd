package dev.realmctl.local;

/**
 * {@link FreePorts} for test support outside this package (it is package-private in main code, and
 * tests leave main code alone).
 */
public final class TestPorts {
  private TestPorts() {}

  /** A loopback port free at the time of asking. */
  public static int free() {
    return FreePorts.one();
  }
}
