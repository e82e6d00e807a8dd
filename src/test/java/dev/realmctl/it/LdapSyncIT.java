package dev.realmctl.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.realmctl.keycloak.Connection;
import dev.realmctl.keycloak.Reconciler;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.support.Admin;
import dev.realmctl.support.LocalLdap;
import dev.realmctl.support.Specs;
import dev.realmctl.support.TestKeycloak;
import dev.realmctl.support.TestSecrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Keycloak's LDAP federation against the tests' directory beyond a login: a full user sync imports
 * every person, and a group-ldap-mapper brings the groupOfNames with its members.
 */
class LdapSyncIT {
  private static final String SPEC =
      """
      realm: %s
      enabled: true
      components:
        org.keycloak.storage.UserStorageProvider:
          - name: corp-ldap
            providerId: ldap
            config:
              enabled: ["true"]
              vendor: ["other"]
              connectionUrl: ["${env:LDAP_SYNC_URL}"]
              authType: ["simple"]
              bindDn: ["%s"]
              bindCredential: ["${env:LDAP_SYNC_BIND_CREDENTIAL}"]
              usersDn: ["%s"]
              searchScope: ["1"]
              usernameLDAPAttribute: ["uid"]
              rdnLDAPAttribute: ["uid"]
              uuidLDAPAttribute: ["entryUUID"]
              userObjectClasses: ["inetOrgPerson, organizationalPerson"]
              editMode: ["READ_ONLY"]
              importEnabled: ["true"]
              syncRegistrations: ["false"]
              pagination: ["true"]
              fullSyncPeriod: ["-1"]
              changedSyncPeriod: ["-1"]
            subComponents:
              org.keycloak.storage.ldap.mappers.LDAPStorageMapper:
                - name: groups
                  providerId: group-ldap-mapper
                  config:
                    groups.dn: ["%s"]
                    group.name.ldap.attribute: [cn]
                    group.object.classes: [groupOfNames]
                    preserve.group.inheritance: ["false"]
                    membership.ldap.attribute: [member]
                    membership.attribute.type: [DN]
                    membership.user.ldap.attribute: [uid]
                    mode: [READ_ONLY]
                    user.roles.retrieve.strategy: [LOAD_GROUPS_BY_MEMBER_ATTRIBUTE]
                    memberof.ldap.attribute: [memberOf]
                    drop.non.existing.groups.during.sync: ["false"]
                    ignore.missing.groups: ["false"]
      """;

  @TempDir Path folder;

  @Test
  void aFullSyncImportsEveryPersonAndTheGroupMapperBringsTheGroup() throws IOException {
    String realm = Specs.uniqueName("ldap-sync");
    try (LocalLdap ldap = LocalLdap.start();
        Connection connection = TestKeycloak.get().connect();
        Admin admin = Admin.of(TestKeycloak.get())) {
      TestSecrets secrets =
          TestSecrets.ofRun()
              .with("LDAP_SYNC_URL", ldap.url())
              .with("LDAP_SYNC_BIND_CREDENTIAL", ldap.bindCredential());
      Path file =
          Files.writeString(
              folder.resolve("ldap.yaml"),
              SPEC.formatted(realm, ldap.bindDn(), ldap.usersDn(), ldap.groupsDn()));
      RealmSpec spec = Specs.load(secrets, file).get(0);
      Reconciler reconciler = new Reconciler(connection);
      reconciler.apply(reconciler.plan(List.of(spec)), c -> {});
      try {
        var realmResource = admin.realm(realm);
        String parentId = realmResource.toRepresentation().getId();
        ComponentRepresentation provider =
            realmResource
                .components()
                .query(parentId, "org.keycloak.storage.UserStorageProvider")
                .get(0);
        ComponentRepresentation mapper =
            realmResource
                .components()
                .query(provider.getId(), "org.keycloak.storage.ldap.mappers.LDAPStorageMapper")
                .stream()
                .filter(m -> m.getName().equals("groups"))
                .findFirst()
                .orElseThrow();

        var synced = realmResource.userStorage().syncUsers(provider.getId(), "triggerFullSync");
        assertEquals(2, synced.getAdded(), synced.getStatus());
        assertEquals(
            Set.of("ada", "grace"),
            realmResource.users().list().stream()
                .map(UserRepresentation::getUsername)
                .collect(Collectors.toSet()));

        realmResource
            .userStorage()
            .syncMapperData(provider.getId(), mapper.getId(), "fedToKeycloak");
        List<GroupRepresentation> groups = realmResource.groups().groups();
        assertEquals(List.of("staff"), groups.stream().map(GroupRepresentation::getName).toList());
        assertEquals(
            Set.of("ada", "grace"),
            realmResource.groups().group(groups.get(0).getId()).members().stream()
                .map(UserRepresentation::getUsername)
                .collect(Collectors.toSet()),
            "the groupOfNames' members");
      } finally {
        admin.realm(realm).remove();
      }
    }
  }
}
