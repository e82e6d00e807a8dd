package dev.realmctl.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportDefaultsTest {
  private static final Map<String, Object> NEW_REALM =
      ExportDefaults.renamed(
          Map.of(
              "realm", "realmctl-defaults-1a2b",
              "sslRequired", "external",
              "attributes", Map.of("cibaInterval", "5", "parRequestUriLifespan", "60"),
              "roles",
                  Map.of(
                      "realm",
                      List.of(
                          Map.of(
                              "name",
                              "default-roles-realmctl-defaults-1a2b",
                              "composites",
                              Map.of("realm", List.of("offline_access", "uma_authorization"))))),
              "requiredActions",
                  List.of(
                      Map.of("alias", "VERIFY_EMAIL", "enabled", true),
                      Map.of("alias", "UPDATE_EMAIL", "enabled", false)),
              "components",
                  Map.of(
                      "policy",
                      List.of(
                          Map.of("name", "Allowed", "config", Map.of("types", List.of("a", "b"))))),
              "userProfile", Map.of("attributes", List.of(Map.of("name", "username")))),
          "realmctl-defaults-1a2b",
          "shop");

  @Test
  void leavesOutWhatANewRealmHolds() {
    Map<String, Object> exported =
        Map.of(
            "realm", "shop",
            "sslRequired", "external",
            "attributes", Map.of("cibaInterval", "5", "parRequestUriLifespan", "60"),
            "roles",
                Map.of(
                    "realm",
                    List.of(
                        Map.of("name", "reader"),
                        Map.of(
                            "name",
                            "default-roles-shop",
                            "composites",
                            Map.of("realm", List.of("uma_authorization", "offline_access"))))),
            "requiredActions",
                List.of(
                    Map.of("alias", "VERIFY_EMAIL", "enabled", true),
                    Map.of("alias", "UPDATE_EMAIL", "enabled", false)),
            "components",
                Map.of(
                    "policy",
                    List.of(
                        Map.of("name", "Allowed", "config", Map.of("types", List.of("b", "a"))))),
            "userProfile", Map.of("attributes", List.of(Map.of("name", "username"))));

    assertEquals(
        Map.of("realm", "shop", "roles", Map.of("realm", List.of(Map.of("name", "reader")))),
        ExportDefaults.withoutDefaults(exported, NEW_REALM));
  }

  @Test
  void keepsWhatDiffersKeyByKeyOrEntryByEntryOrWhole() {
    Map<String, Object> exported =
        Map.of(
            "realm", "shop",
            "sslRequired", "none",
            "attributes", Map.of("cibaInterval", "10", "parRequestUriLifespan", "60"),
            "requiredActions",
                List.of(
                    Map.of("alias", "VERIFY_EMAIL", "enabled", true),
                    Map.of("alias", "UPDATE_EMAIL", "enabled", true)),
            "userProfile",
                Map.of("attributes", List.of(Map.of("name", "username"), Map.of("name", "dept"))));

    assertEquals(
        Map.of(
            "realm", "shop",
            "sslRequired", "none",
            "attributes", Map.of("cibaInterval", "10"),
            "requiredActions", List.of(Map.of("alias", "UPDATE_EMAIL", "enabled", true)),
            "userProfile",
                Map.of("attributes", List.of(Map.of("name", "username"), Map.of("name", "dept")))),
        ExportDefaults.withoutDefaults(exported, NEW_REALM));
  }

  @Test
  void theRealmIsAlwaysNamedFirst() {
    assertEquals(
        List.of("realm"),
        List.copyOf(
            ExportDefaults.withoutDefaults(Map.of("realm", "shop"), Map.of("realm", "shop"))
                .keySet()));
  }

  @Test
  void aClientOrUserLosesWhatABareOneHolds() {
    Map<String, Object> newRealm =
        Map.of(
            "realm", "shop",
            "clients",
                List.of(
                    Map.of(
                        "clientId",
                        ExportDefaults.BARE,
                        "publicClient",
                        false,
                        "defaultClientScopes",
                        List.of("basic", "roles"))),
            "users",
                List.of(
                    Map.of(
                        "username",
                        ExportDefaults.BARE,
                        "emailVerified",
                        false,
                        "requiredActions",
                        List.of())));
    Map<String, Object> exported =
        Map.of(
            "realm", "shop",
            "clients",
                List.of(
                    Map.of(
                        "clientId",
                        "app",
                        "publicClient",
                        true,
                        "defaultClientScopes",
                        List.of("basic", "roles"))),
            "users",
                List.of(
                    Map.of(
                        "username",
                        "alice",
                        "enabled",
                        true,
                        "emailVerified",
                        false,
                        "requiredActions",
                        List.of())));

    assertEquals(
        Map.of(
            "realm", "shop",
            "clients", List.of(Map.of("clientId", "app", "publicClient", true)),
            "users", List.of(Map.of("username", "alice", "enabled", true))),
        ExportDefaults.withoutDefaults(exported, newRealm));

    // Where the realm's default scopes are its own, a client's scopes are not a bare client's.
    Map<String, Object> ownDefaults = new java.util.LinkedHashMap<>(exported);
    ownDefaults.put("defaultDefaultClientScopes", List.of("basic"));
    assertEquals(
        List.of("basic", "roles"),
        ((Map<?, ?>)
                ((List<?>) ExportDefaults.withoutDefaults(ownDefaults, newRealm).get("clients"))
                    .get(0))
            .get("defaultClientScopes"));
  }

  /** Where the realm makes new users take an action or join a group, a bare user's say nothing. */
  @Test
  void aUserKeepsWhatTheRealmWouldGiveANewOne() {
    Map<String, Object> newRealm =
        Map.of(
            "realm", "shop",
            "requiredActions", List.of(Map.of("alias", "CONFIGURE_TOTP", "defaultAction", false)),
            "users",
                List.of(
                    Map.of(
                        "username",
                        ExportDefaults.BARE,
                        "emailVerified",
                        false,
                        "requiredActions",
                        List.of(),
                        "groups",
                        List.of())));
    Map<String, Object> exported =
        Map.of(
            "realm", "shop",
            "requiredActions", List.of(Map.of("alias", "CONFIGURE_TOTP", "defaultAction", true)),
            "defaultGroups", List.of("/staff"),
            "users",
                List.of(
                    Map.of(
                        "username",
                        "alice",
                        "emailVerified",
                        false,
                        "requiredActions",
                        List.of(),
                        "groups",
                        List.of())));

    assertEquals(
        List.of(Map.of("username", "alice", "requiredActions", List.of(), "groups", List.of())),
        ExportDefaults.withoutDefaults(exported, newRealm).get("users"));
  }
}
