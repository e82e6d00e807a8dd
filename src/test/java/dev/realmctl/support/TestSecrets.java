package dev.realmctl.support;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Secrets of this test run: fresh random values, never in Git, and known by name so a test can
 * search every output for them.
 */
public final class TestSecrets {
  public static final Map<String, String> VALUES = new HashMap<>();

  static {
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
      VALUES.put(name, "s3cr3t-" + UUID.randomUUID());
    }
    LeakScanInput.record(VALUES.values());
  }

  private TestSecrets() {}

  public static String get(String name) {
    return VALUES.get(name);
  }

  /** The environment realmctl runs with in tests: the secrets plus the admin login. */
  public static Map<String, String> environment(TestKeycloak keycloak) {
    Map<String, String> env = new HashMap<>(VALUES);
    env.put("KEYCLOAK_URL", keycloak.url());
    env.put("KEYCLOAK_USER", keycloak.adminUser());
    env.put("KEYCLOAK_PASSWORD", keycloak.adminPassword());
    return env;
  }
}
