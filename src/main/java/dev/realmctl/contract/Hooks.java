package dev.realmctl.contract;

import io.cucumber.java.Before;

public class Hooks {
  private final World world;

  public Hooks(World world) {
    this.world = world;
  }

  @Before("@mutates")
  public void onlyWhereRealmsAreOurOwn() {
    Skip.unless(
        world.run.mayMutate(),
        "changes the realm: runs only with --isolated, on a server of one's own");
  }
}
