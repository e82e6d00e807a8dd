package dev.realmctl.features;

import dev.realmctl.support.LocalLdap;
import dev.realmctl.support.TestSecrets;
import io.cucumber.java.en.Given;

/**
 * The LDAP directory a realm federates: the tests' own ({@link LocalLdap}), one for the whole run,
 * started when a scenario first needs it. Against a deployment, its own directory is used and the
 * same variables come from the environment.
 */
public class DirectorySteps {
  private static LocalLdap directory;
  private final World world;

  public DirectorySteps(World world) {
    this.world = world;
  }

  @Given("a directory server holds the realm's users")
  public void aDirectoryServerRuns() {
    if (!world.target.applies()) {
      return;
    }
    LocalLdap ldap = directory();
    TestSecrets.VALUES.put("DIRECTORY_LDAP_URL", ldap.url());
    TestSecrets.VALUES.put("DIRECTORY_BIND_DN", ldap.bindDn());
    TestSecrets.VALUES.put("DIRECTORY_BIND_CREDENTIAL", ldap.bindCredential());
    TestSecrets.VALUES.put("DIRECTORY_USERS_DN", ldap.usersDn());
    TestSecrets.VALUES.put("DIRECTORY_GRACE_PASSWORD", ldap.user("grace").password());
  }

  private static synchronized LocalLdap directory() {
    if (directory == null) {
      // Stopped by its own shutdown hook when the run ends.
      directory = LocalLdap.start();
    }
    return directory;
  }
}
