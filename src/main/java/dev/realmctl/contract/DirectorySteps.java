package dev.realmctl.contract;

import io.cucumber.java.en.Given;

/**
 * The LDAP directory a realm federates. The contract never starts one: it uses the directory the
 * deployment has, whose address comes as {@code DIRECTORY_LDAP_URL} (the realm's spec names the
 * rest). Where none is configured, the scenario is skipped, saying why.
 */
public class DirectorySteps {
  static final String URL_VARIABLE = "DIRECTORY_LDAP_URL";

  private final World world;

  public DirectorySteps(World world) {
    this.world = world;
  }

  @Given("a directory server holds the realm's users")
  @Example("a directory server holds the realm's users")
  public void aDirectoryServerRuns() {
    Skip.unless(
        world.run.variables().env(URL_VARIABLE).filter(url -> !url.isBlank()).isPresent(),
        "needs an LDAP directory: none is configured (set "
            + URL_VARIABLE
            + " and the variables the realm's spec names)");
  }
}
