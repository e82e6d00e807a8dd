package dev.realmctl.features;

import dev.realmctl.contract.ContractRun;
import dev.realmctl.keycloak.Connection;
import dev.realmctl.spec.Variables;
import dev.realmctl.support.LocalLdap;
import dev.realmctl.support.Specs;
import dev.realmctl.support.TestKeycloak;
import dev.realmctl.support.TestSecrets;
import io.cucumber.java.Before;
import io.cucumber.java.BeforeAll;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The project's own contract run: the shipped step library on the test Keycloak, every scenario on
 * realms of its own (so the @mutates ones run too), secrets from this run's test secrets, and a
 * local directory for the scenarios that need one.
 */
public class ProjectContract {
  private static LocalLdap directory;

  @BeforeAll
  public static void install() {
    TestKeycloak keycloak = TestKeycloak.get();
    ContractRun.install(
        new ContractRun(
            keycloak.url(),
            java.util.Optional.of(
                Connection.Settings.password(
                    keycloak.url(), keycloak.adminUser(), keycloak.adminPassword())),
            variables(TestSecrets.ofRun()),
            List.of(Specs.project().resolve("realms")),
            Specs.project(),
            ContractRun.Mode.ISOLATED,
            Specs::forServer));
  }

  /** Before the step that asks for a directory: the one that holds the realm's users. */
  @Before(value = "@directory", order = 0)
  public void startDirectory() {
    try {
      directory();
    } catch (IllegalStateException noDirectoryHere) {
      // Left unconfigured: the directory step skips the scenario, with this reason.
      Assumptions.abort(noDirectoryHere.getMessage());
    }
  }

  /**
   * This run's secrets, and once a scenario has started the local directory, its values: before
   * that, the directory step finds no {@code DIRECTORY_LDAP_URL} and skips its scenario.
   */
  private static Variables variables(TestSecrets secrets) {
    return name ->
        Optional.ofNullable(secrets.value(name))
            .or(() -> startedDirectory().flatMap(ldap -> directoryValue(ldap, name)));
  }

  private static Optional<String> directoryValue(LocalLdap ldap, String name) {
    return Optional.ofNullable(
        switch (name) {
          case "DIRECTORY_LDAP_URL" -> ldap.url();
          case "DIRECTORY_BIND_DN" -> ldap.bindDn();
          case "DIRECTORY_BIND_CREDENTIAL" -> ldap.bindCredential();
          case "DIRECTORY_USERS_DN" -> ldap.usersDn();
          case "DIRECTORY_GRACE_PASSWORD" -> ldap.user("grace").password();
          default -> null;
        });
  }

  private static synchronized Optional<LocalLdap> startedDirectory() {
    return Optional.ofNullable(directory);
  }

  private static synchronized LocalLdap directory() {
    if (directory == null) {
      // Stopped by its own shutdown hook when the run ends.
      directory = LocalLdap.start();
    }
    return directory;
  }
}
