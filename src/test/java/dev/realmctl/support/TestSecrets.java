package dev.realmctl.support;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Secrets of a test: fresh random values, never in Git, and known by name so a test can search
 * every output for them. The run's secrets are made once; a test that needs more (the variables an
 * export names, a local server's credential) takes its own instance with them ({@link #with},
 * {@link #withFresh}), so no test sees another's.
 */
public final class TestSecrets {
  /** Made once, never changed: a test adds to an instance of its own. */
  private static final Map<String, String> RUN = generate();

  private final Map<String, String> values;

  private TestSecrets(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  private static Map<String, String> generate() {
    Map<String, String> values = new HashMap<>();
    for (String name :
        new String[] {
          "COOLPROJECT_CLIENT_APP_SECRET",
          "TESTING_FASTAPI_CLIENT_SECRET",
          "TESTING_ALICE_PASSWORD",
          "ATLAS_PARTNER_ACME_SECRET",
          "ATLAS_PARTNER_GLOBEX_SECRET",
          "CORP_IDP_SECRET",
          "EXPORTED_USER_PASSWORD",
          "EXPORTED_APP_SECRET",
          "STRUCTURES_SMTP_PASSWORD",
          "FLOW_USER_PASSWORD",
          "GUARDED_ADA_PASSWORD",
          "GUARDED_BOB_PASSWORD",
          "AUTHZ_SHOP_SECRET",
          "AUTHZ_USER_PASSWORD",
          "ORDERS_API_SECRET"
        }) {
      values.put(name, fresh());
    }
    LeakScanInput.record(values.values());
    return Map.copyOf(values);
  }

  private static String fresh() {
    return "s3cr3t-" + UUID.randomUUID();
  }

  /** The run's secrets, for one test to add its own to. */
  public static TestSecrets ofRun() {
    return new TestSecrets(RUN);
  }

  /** A secret of the run by name. */
  public static String get(String name) {
    return RUN.get(name);
  }

  /** These secrets and one more variable; a value not made here is not added to the leak scan. */
  public TestSecrets with(String name, String value) {
    Map<String, String> more = new HashMap<>(values);
    more.put(name, value);
    return new TestSecrets(more);
  }

  /** These secrets and a fresh random one, which the leak scan looks for too. */
  public TestSecrets withFresh(String name) {
    String value = fresh();
    LeakScanInput.record(java.util.List.of(value));
    return with(name, value);
  }

  public String value(String name) {
    return values.get(name);
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  public Map<String, String> values() {
    return values;
  }

  /** The environment realmctl runs with in tests: the secrets plus the admin login. */
  public Map<String, String> environment(TestKeycloak keycloak) {
    Map<String, String> env = new HashMap<>(values);
    env.put("KEYCLOAK_URL", keycloak.url());
    env.put("KEYCLOAK_USER", keycloak.adminUser());
    env.put("KEYCLOAK_PASSWORD", keycloak.adminPassword());
    return env;
  }
}
