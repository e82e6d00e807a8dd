package dev.realmctl.keycloak;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
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
  private static final int PAGE = 1000;
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
      try {
        export = realm.partialExport(true, true);
      } catch (RuntimeException e) {
        throw ReadRights.refusedOr(ReadRights.PARTIAL_EXPORT, e);
      }
    }
    return export;
  }

  /** Every item of a list Keycloak serves page by page, asked {@code (first, max)}. */
  static <T> List<T> paged(BiFunction<Integer, Integer, List<T>> page) {
    List<T> all = new ArrayList<>();
    for (int first = 0; ; first += PAGE) {
      List<T> items = page.apply(first, PAGE);
      all.addAll(items);
      if (items.size() < PAGE) {
        return all;
      }
    }
  }
}
