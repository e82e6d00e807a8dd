package dev.realmctl.keycloak;

import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * One realm as it is being read: its admin resource, the ids the reads learn, and Keycloak's own
 * partial export of it. The export holds roles with their composites, groups with their sub-groups
 * and role mappings, scope mappings and flows in one request, where the admin API asks for one
 * request per role or group; it is fetched once, when the first kind needs it. It masks secrets,
 * which no kind reads from it.
 */
final class RealmRead {
  private final RealmResource realm;
  private final RealmIds ids;
  private RealmRepresentation export;

  RealmRead(RealmResource realm, RealmIds ids) {
    this.realm = realm;
    this.ids = ids;
  }

  RealmResource realm() {
    return realm;
  }

  RealmIds ids() {
    return ids;
  }

  synchronized RealmRepresentation export() {
    if (export == null) {
      export = realm.partialExport(true, true);
    }
    return export;
  }
}
