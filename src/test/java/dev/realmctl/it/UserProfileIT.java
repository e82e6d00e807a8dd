package dev.realmctl.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.realmctl.keycloak.Connection;
import dev.realmctl.keycloak.Reconciler;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.support.Admin;
import dev.realmctl.support.Specs;
import dev.realmctl.support.TestKeycloak;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPAttributePermissions;
import org.keycloak.representations.userprofile.config.UPConfig;

/** The declarative user profile: an added attribute converges, and users may then carry it. */
class UserProfileIT {
  private static final ObjectMapper JSON =
      new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

  @TempDir Path folder;

  @Test
  void anAddedAttributeConvergesAndUsersCarryIt() throws IOException {
    String realm = Specs.uniqueName("profile");
    try (Connection connection = TestKeycloak.get().connect();
        Admin admin = Admin.of(TestKeycloak.get())) {
      Reconciler reconciler = new Reconciler(connection);
      reconciler.apply(reconciler.plan(List.of(spec(realm, "enabled: true\n"))), c -> {});

      // The spec is the whole document: Keycloak's default for this version, plus department.
      UPConfig profile = admin.realm(realm).users().userProfile().getConfiguration();
      UPAttribute department = new UPAttribute("department");
      department.addValidation("length", Map.of("min", 1, "max", 64));
      department.setPermissions(
          new UPAttributePermissions(Set.of("admin", "user"), Set.of("admin")));
      profile.addOrReplaceAttribute(department);
      String withDepartment = "userProfile: " + JSON.writeValueAsString(profile) + "\n";

      RealmSpec declared = spec(realm, withDepartment);
      var first = reconciler.plan(List.of(declared)).plan();
      assertEquals(
          List.of("UPDATE userProfile"),
          first.changes().stream().map(c -> c.action() + " " + c.id().path()).toList());
      reconciler.apply(reconciler.plan(List.of(declared)), c -> {});
      UPAttribute live =
          admin.realm(realm).users().userProfile().getConfiguration().getAttribute("department");
      assertEquals(Map.of("min", 1, "max", 64), live.getValidations().get("length"));
      assertEquals(Set.of("admin"), live.getPermissions().getEdit());
      assertTrue(reconciler.plan(List.of(declared)).plan().isEmpty(), "a second plan is empty");

      RealmSpec withUser =
          spec(
              realm,
              withDepartment
                  + """
                  users:
                    - username: dora
                      email: dora@example.test
                      firstName: Dora
                      lastName: Explorer
                      attributes: {department: [x]}
                  """);
      reconciler.apply(reconciler.plan(List.of(withUser)), c -> {});
      assertEquals(
          List.of("x"),
          admin
              .realm(realm)
              .users()
              .searchByUsername("dora", true)
              .get(0)
              .getAttributes()
              .get("department"));
      var again = reconciler.plan(List.of(withUser)).plan();
      assertTrue(again.isEmpty(), () -> "user attributes drift: " + again.changes());
    }
  }

  private RealmSpec spec(String realm, String body) throws IOException {
    Path file =
        Files.writeString(
            folder.resolve("profile-" + body.hashCode() + ".yaml"),
            "realm: " + realm + "\n" + body);
    return Specs.load(file).get(0);
  }
}
