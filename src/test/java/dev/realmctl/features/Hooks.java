package dev.realmctl.features;

import io.cucumber.java.Before;
import org.junit.jupiter.api.Assumptions;

public class Hooks {
  private final World world;

  public Hooks(World world) {
    this.world = world;
  }

  @Before("@mutates")
  public void onlyWhereRealmsAreOurOwn() {
    Assumptions.assumeTrue(
        world.target.mayMutate(), "changes the realm: skipped against a deployment");
  }
}
