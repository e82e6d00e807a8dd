package dev.realmctl.contract;

import io.cucumber.java.en.When;

/** Time passing, for expiry; the only sleep in the suite, and bounded by the step's number. */
public class ClockSteps {
  @When("{int} seconds pass")
  @Example("3 seconds pass")
  public void secondsPass(int seconds) throws InterruptedException {
    Thread.sleep(seconds * 1000L);
  }
}
