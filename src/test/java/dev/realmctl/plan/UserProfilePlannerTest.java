package dev.realmctl.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.SpecException;
import dev.realmctl.support.LiveRealms;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserProfilePlannerTest {
  @TempDir Path folder;

  private static final String SPEC =
      """
      realm: r
      userProfile:
        attributes:
          - name: username
            validations: {length: {min: 3, max: 255}}
          - name: department
            validations: {length: {max: 64}, email: {}}
            permissions: {view: [user, admin], edit: [admin]}
        unmanagedAttributePolicy: ADMIN_VIEW
      """;

  /**
   * What Keycloak answers: other key order, defaults filled in, numbers as the JSON reader reads.
   */
  private static Map<String, Object> served() {
    Map<String, Object> username = new LinkedHashMap<>();
    username.put("multivalued", false);
    username.put("permissions", Map.of("view", List.of(), "edit", List.of()));
    username.put("validations", Map.of("length", Map.of("max", 255L, "min", 3)));
    username.put("name", "username");
    username.put("annotations", Map.of());
    Map<String, Object> department = new LinkedHashMap<>();
    department.put("name", "department");
    department.put(
        "permissions", Map.of("edit", List.of("admin"), "view", List.of("admin", "user")));
    department.put("validations", Map.of("email", Map.of(), "length", Map.of("max", 64)));
    department.put("multivalued", false);
    return Map.of(
        "unmanagedAttributePolicy", "ADMIN_VIEW", "attributes", List.of(username, department));
  }

  private RealmSpec spec(String yaml) throws IOException {
    return dev.realmctl.support.SpecFiles.load(folder, yaml);
  }

  private static LiveState live(Map<String, Object> profile) {
    return new LiveState(
        Map.of(
            "r",
            LiveRealms.unnamed()
                .owning("{}")
                .part(UserProfilePlanner.LIVE, Optional.of(profile))
                .build()));
  }

  private static List<String> paths(Plan plan) {
    return dev.realmctl.support.SpecFiles.paths(plan);
  }

  @Test
  void sameDocumentWhateverTheKeyOrderAndDefaultsPlansNothing() throws IOException {
    Plan plan = new Planner().plan(List.of(spec(SPEC)), live(served()));
    assertTrue(plan.isEmpty(), () -> paths(plan).toString());
  }

  @Test
  void attributeOrderIsPartOfTheDocument() {
    Map<String, Object> swapped = new LinkedHashMap<>(served());
    List<?> attributes = (List<?>) swapped.get("attributes");
    swapped.put("attributes", List.of(attributes.get(1), attributes.get(0)));
    assertFalse(UserProfilePlanner.same(served(), swapped));
  }

  @Test
  void anEmptyValidatorIsNotTheAbsenceOfOne() {
    Map<String, Object> without = Map.of("attributes", List.of(Map.of("name", "a")));
    Map<String, Object> with =
        Map.of(
            "attributes", List.of(Map.of("name", "a", "validations", Map.of("email", Map.of()))));
    assertFalse(UserProfilePlanner.same(without, with));
  }

  @Test
  void aDifferenceIsOneUpdateOfTheProfilesOwnFields() throws IOException {
    Plan plan =
        new Planner().plan(List.of(spec(SPEC.replace("max: 64", "max: 32"))), live(served()));
    assertEquals(List.of("~ userProfile"), paths(plan));
    Change change = plan.changes().get(0);
    // Keycloak's own UPConfig field, not a wrapper: only what differs.
    assertEquals(Set.of("attributes"), change.after().keySet());
    assertEquals(served().get("attributes"), change.before().get("attributes"));
    assertTrue(change.source().isPresent());
  }

  @Test
  void theExportFormIsReadFromItsComponentBesideOtherComponents() throws IOException {
    String component =
        """
        realm: r
        components:
          org.keycloak.userprofile.UserProfileProvider:
            - providerId: declarative-user-profile
              config:
                kc.user.profile.config: ['{"attributes":[{"name":"username","validations":{"length":{"min":3,"max":255}}},{"name":"department","permissions":{"view":["admin","user"],"edit":["admin"]},"validations":{"length":{"max":64},"email":{}}}],"unmanagedAttributePolicy":"ADMIN_VIEW"}']
        """;
    assertTrue(new Planner().plan(List.of(spec(component)), live(served())).isEmpty());

    var error =
        assertThrows(
            SpecException.class,
            () -> spec(component + "  org.keycloak.keys.KeyProvider:\n    - name: rsa\n"));
    assertTrue(
        error.getMessage().contains("r.yaml:8:7: component needs a non-empty 'providerId'"),
        "other components are ComponentSpec's: " + error.getMessage());
  }

  @Test
  void theProfileIsDeclaredOnce() {
    var error =
        assertThrows(
            SpecException.class,
            () ->
                spec(
                    SPEC
                        + """
                        components:
                          org.keycloak.userprofile.UserProfileProvider:
                            - config: {kc.user.profile.config: ['{"attributes":[]}']}
                        """));
    assertTrue(error.getMessage().contains("declared twice"), error.getMessage());
  }

  @Test
  void aFieldKeycloakHasAndTheSpecLeavesOutIsCleared() throws IOException {
    // Keycloak's default profile has the group user-metadata; this spec declares no groups.
    Map<String, Object> withGroups = new LinkedHashMap<>(served());
    withGroups.put("groups", List.of(Map.of("name", "user-metadata")));
    Plan plan = new Planner().plan(List.of(spec(SPEC)), live(withGroups));
    assertEquals(List.of("~ userProfile"), paths(plan));
    Change change = plan.changes().get(0);
    assertEquals(Set.of("groups"), change.after().keySet());
    assertEquals(null, change.after().get("groups"));
  }

  @Test
  void aNewRealmsProfileIsWrittenWhole() throws IOException {
    // The realm does not exist yet: Keycloak will give it its default profile, groups included.
    Plan plan = new Planner().plan(List.of(spec(SPEC)), new LiveState(Map.of()));
    Change change =
        plan.changes().stream()
            .filter(c -> c.id() instanceof UserProfilePlanner.Id)
            .findFirst()
            .orElseThrow();
    assertEquals(
        Set.of("attributes", "groups", "unmanagedAttributePolicy"), change.after().keySet());
  }

  @Test
  void theComponentWithAnEmptyConfigIsTheDefaultProfileSoNothingIsDeclared() throws IOException {
    String component =
        """
        realm: r
        components:
          org.keycloak.userprofile.UserProfileProvider:
            - providerId: declarative-user-profile
              subComponents: {}
              config: {}
        """;
    Plan plan = new Planner().plan(List.of(spec(component)), live(served()));
    assertTrue(plan.isEmpty(), () -> paths(plan).toString());
  }
}
