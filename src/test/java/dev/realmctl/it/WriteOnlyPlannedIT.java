package dev.realmctl.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.keycloak.Applier;
import dev.realmctl.keycloak.Connection;
import dev.realmctl.keycloak.Reconciler;
import dev.realmctl.keycloak.RepresentationCatalog;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.Redactor;
import dev.realmctl.spec.SpecLoader;
import dev.realmctl.spec.Variables;
import dev.realmctl.support.Admin;
import dev.realmctl.support.Specs;
import dev.realmctl.support.TestKeycloak;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * An apply writes only what it planned: a person's edit made between the plan (its read) and the
 * apply (its write) stays, and a planned field a person changed in between fails that change,
 * naming the field. The seam is the one every pipeline has: {@code plan}, then {@code apply} of
 * that plan.
 */
class WriteOnlyPlannedIT {
  @TempDir Path folder;

  /** What the writers rely on, measured on the real server. */
  @Test
  void realmPutReplacesAttributesWholeClientPutKeepsWhatItIsNotSent() {
    String realm = Specs.uniqueName("probe");
    try (Admin admin = Admin.of(TestKeycloak.get())) {
      RealmRepresentation created = new RealmRepresentation();
      created.setRealm(realm);
      created.setEnabled(true);
      created.setAttributes(Map.of("kept", "1", "other", "2"));
      admin.keycloak().realms().create(created);
      ClientRepresentation client = new ClientRepresentation();
      client.setClientId("probe");
      client.setSecret("s3cret-probe");
      client.setRedirectUris(List.of("https://a/*"));
      client.setAttributes(Map.of("x", "1"));
      admin.realm(realm).clients().create(client).close();

      RealmRepresentation partialRealm = new RealmRepresentation();
      partialRealm.setDisplayName("D");
      partialRealm.setAttributes(Map.of("kept", "9"));
      admin.realm(realm).update(partialRealm);
      Map<String, String> attributes = admin.realm(realm).toRepresentation().getAttributes();
      assertEquals("9", attributes.get("kept"));
      assertNull(attributes.get("other"), "an attribute not sent is deleted: send the fresh map");

      ClientRepresentation partialClient = new ClientRepresentation();
      partialClient.setDescription("d");
      partialClient.setAttributes(Map.of("y", "2"));
      admin.client(realm, "probe").update(partialClient);
      ClientRepresentation after = admin.client(realm, "probe").toRepresentation();
      assertEquals("d", after.getDescription());
      assertEquals("s3cret-probe", after.getSecret());
      assertEquals(List.of("https://a/*"), after.getRedirectUris());
      assertEquals("1", after.getAttributes().get("x"));
      assertEquals("2", after.getAttributes().get("y"));
    }
  }

  @Test
  void aPersonsEditBetweenPlanAndApplyStays() throws IOException {
    String realm = Specs.uniqueName("held");
    try (Connection connection = TestKeycloak.get().connect();
        Admin admin = Admin.of(TestKeycloak.get())) {
      Reconciler reconciler = new Reconciler(connection);
      reconciler.apply(reconciler.plan(List.of(spec(realm, "one", "first"))), c -> {});

      var planned = reconciler.plan(List.of(spec(realm, "two", "second")));
      admin.rotateSecret(realm, "app");
      String rotated = admin.client(realm, "app").getSecret().getValue();
      ClientRepresentation edited = admin.client(realm, "app").toRepresentation();
      edited.setRedirectUris(List.of("https://app/*", "https://added-by-hand/*"));
      admin.client(realm, "app").update(edited);
      RealmRepresentation realmEdit = admin.realm(realm).toRepresentation();
      realmEdit.getAttributes().put("set-by-hand", "yes");
      admin.realm(realm).update(realmEdit);
      reconciler.apply(planned, c -> {});

      ClientRepresentation client = admin.client(realm, "app").toRepresentation();
      assertEquals("two", client.getDescription(), "the planned field is written");
      assertEquals(rotated, client.getSecret(), "the rotated secret stays");
      assertTrue(client.getRedirectUris().contains("https://added-by-hand/*"));
      RealmRepresentation after = admin.realm(realm).toRepresentation();
      assertEquals("second", after.getDisplayName());
      assertEquals("yes", after.getAttributes().get("set-by-hand"));
    }
  }

  @Test
  void aPlannedFieldChangedInBetweenFailsNamingIt() throws IOException {
    String realm = Specs.uniqueName("moved");
    try (Connection connection = TestKeycloak.get().connect();
        Admin admin = Admin.of(TestKeycloak.get())) {
      Reconciler reconciler = new Reconciler(connection);
      reconciler.apply(reconciler.plan(List.of(spec(realm, "one", "first"))), c -> {});

      var planned = reconciler.plan(List.of(spec(realm, "two", "first")));
      ClientRepresentation edited = admin.client(realm, "app").toRepresentation();
      edited.setDescription("by a person");
      admin.client(realm, "app").update(edited);
      Applier.Failure failure =
          assertThrows(Applier.Failure.class, () -> reconciler.apply(planned, c -> {}));

      String message = failure.getMessage();
      assertTrue(message.contains("clients/app"), message);
      assertTrue(
          message.contains(
              "changed since the plan was made: description: the plan expected one,"
                  + " Keycloak now has by a person"),
          message);
      assertEquals("by a person", admin.client(realm, "app").toRepresentation().getDescription());
    }
  }

  @Test
  void aSecretRotatedInBetweenFailsWithoutShowingEither() throws IOException {
    String realm = Specs.uniqueName("rotated");
    try (Connection connection = TestKeycloak.get().connect();
        Admin admin = Admin.of(TestKeycloak.get())) {
      Reconciler reconciler = new Reconciler(connection);
      reconciler.apply(
          reconciler.plan(List.of(spec(realm, "one", "first", "planned-old-secret"))), c -> {});

      var planned = reconciler.plan(List.of(spec(realm, "one", "first", "planned-new-secret")));
      admin.rotateSecret(realm, "app");
      String rotated = admin.client(realm, "app").getSecret().getValue();
      Applier.Failure failure =
          assertThrows(Applier.Failure.class, () -> reconciler.apply(planned, c -> {}));

      String message = failure.getMessage();
      assertTrue(
          message.contains(
              "secret: the plan expected a secret value, Keycloak now has another secret value"),
          message);
      for (String secret : List.of("planned-old-secret", "planned-new-secret", rotated)) {
        assertFalse(message.contains(secret), message);
      }
      assertEquals(rotated, admin.client(realm, "app").getSecret().getValue());
    }
  }

  /**
   * A realm field the plan saw empty is checked like any other once the realm exists: a person who
   * filled it in between plan and apply keeps it, and the failure names them from the admin events.
   */
  @Test
  void aFieldThePlanSawEmptyAndAPersonFilledInFailsNamingThem() throws IOException {
    String realm = Specs.uniqueName("filled");
    try (Connection connection = TestKeycloak.get().connect();
        Admin admin = Admin.of(TestKeycloak.get())) {
      Reconciler reconciler = new Reconciler(connection);
      reconciler.apply(
          reconciler.plan(List.of(yaml(realm, "adminEventsEnabled: true\n"))), c -> {});

      var planned =
          reconciler.plan(
              List.of(yaml(realm, "adminEventsEnabled: true\ndisplayNameHtml: planned\n")));
      RealmRepresentation edit = admin.realm(realm).toRepresentation();
      edit.setDisplayNameHtml("by a person");
      admin.realm(realm).update(edit);
      Applier.Failure failure =
          assertThrows(Applier.Failure.class, () -> reconciler.apply(planned, c -> {}));

      String message = failure.getMessage();
      assertTrue(
          message.contains(
              "displayNameHtml: the plan expected no value, Keycloak now has by a person"),
          message);
      assertTrue(message.contains("changed since the plan by user 'admin' at "), message);
      assertEquals("by a person", admin.realm(realm).toRepresentation().getDisplayNameHtml());
    }
  }

  /** A group is checked as a client is; with admin events off, the failure says who is unknown. */
  @Test
  void aGroupAttributeChangedInBetweenFailsSayingAdminEventsAreOff() throws IOException {
    String realm = Specs.uniqueName("group-moved");
    try (Connection connection = TestKeycloak.get().connect();
        Admin admin = Admin.of(TestKeycloak.get())) {
      Reconciler reconciler = new Reconciler(connection);
      reconciler.apply(
          reconciler.plan(
              List.of(yaml(realm, "groups: [{name: staff, attributes: {team: [one]}}]\n"))),
          c -> {});

      var planned =
          reconciler.plan(
              List.of(
                  yaml(
                      realm,
                      "groups: [{name: staff, attributes: {team: [two], room: [planned]}}]\n")));
      var group = admin.realm(realm).groups().groups("staff", 0, 1).get(0);
      var edited = admin.realm(realm).groups().group(group.getId()).toRepresentation();
      edited.setAttributes(Map.of("team", List.of("by a person"), "room", List.of("by hand")));
      admin.realm(realm).groups().group(group.getId()).update(edited);
      Applier.Failure failure =
          assertThrows(Applier.Failure.class, () -> reconciler.apply(planned, c -> {}));

      String message = failure.getMessage();
      assertTrue(message.contains("groups/staff"), message);
      assertTrue(
          message.contains(
              "attributes.team: the plan expected [one], Keycloak now has [by a person]"),
          message);
      assertTrue(
          message.contains(
              "attributes.room: the plan expected no value, Keycloak now has [by hand]"),
          message);
      assertTrue(message.contains("admin events are off in realm '" + realm + "'"), message);
      assertEquals(
          List.of("by a person"),
          admin
              .realm(realm)
              .groups()
              .group(group.getId())
              .toRepresentation()
              .getAttributes()
              .get("team"));
    }
  }

  private RealmSpec yaml(String realm, String body) throws IOException {
    Path file =
        Files.writeString(
            folder.resolve(realm + "-" + body.hashCode() + ".yaml"),
            "realm: " + realm + "\n" + body);
    return Specs.load(file).get(0);
  }

  private RealmSpec spec(String realm, String description, String displayName) throws IOException {
    return spec(realm, description, displayName, "");
  }

  private RealmSpec spec(String realm, String description, String displayName, String secret)
      throws IOException {
    Path file =
        Files.writeString(
            folder.resolve(realm + "-" + (description + displayName + secret).hashCode() + ".yaml"),
            "realm: "
                + realm
                + "\ndisplayName: "
                + displayName
                + "\nclients:\n  - clientId: app\n    description: "
                + description
                + "\n    redirectUris: ['https://app/*']\n"
                + (secret.isEmpty() ? "" : "    secret: ${env:APP_SECRET}\n"));
    return new SpecLoader(
            new RepresentationCatalog(), Variables.of(Map.of("APP_SECRET", secret)), new Redactor())
        .load(List.of(file))
        .realms()
        .get(0);
  }
}
