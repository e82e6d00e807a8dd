package dev.realmctl.keycloak;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.AuthDetailsRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * Who changed a resource since the plan read it, from the realm's admin events: the one record
 * Keycloak keeps of who did what, when the realm has them enabled ({@code adminEventsEnabled}).
 */
final class AdminEvents {
  /** The most a conflict message names; the latest first. */
  private static final int SHOWN = 3;

  private AdminEvents() {}

  /**
   * Where a resource's admin events are filed: its {@code resourcePath} ({@code clients/<id>}), or
   * only its type for the realm itself, whose updates carry no path.
   */
  record Resource(Optional<String> path, String type) {
    static Resource realm() {
      return new Resource(Optional.empty(), "REALM");
    }

    static Resource at(String path, String type) {
      return new Resource(Optional.of(path), type);
    }
  }

  /** One sentence naming who changed the resource since {@code since}, or why it cannot. */
  static String since(Target target, String realm, Resource resource, Instant since) {
    try {
      RealmRepresentation settings = target.realm(realm).toRepresentation();
      if (!Boolean.TRUE.equals(settings.isAdminEventsEnabled())) {
        return "admin events are off in realm '"
            + realm
            + "' (adminEventsEnabled), so who changed it cannot be named";
      }
      List<AdminEventRepresentation> events =
          target
              .realm(realm)
              .getAdminEvents(
                  null,
                  null,
                  null,
                  null,
                  null,
                  resource.path().orElse(null),
                  List.of(resource.type()),
                  String.valueOf(since.toEpochMilli()),
                  null,
                  0,
                  SHOWN);
      List<String> named =
          events.stream()
              .filter(e -> e.getTime() >= since.toEpochMilli())
              .filter(e -> !"CREATE".equals(e.getOperationType()))
              .map(e -> describe(target, e))
              .toList();
      return named.isEmpty()
          ? "no admin event of realm '" + realm + "' records a change to it since the plan"
          : "changed since the plan by " + String.join(", then before that by ", named);
    } catch (RuntimeException unreadable) {
      // The conflict stands on its own; the admin events only explain it.
      return "the admin events of realm '"
          + realm
          + "' could not be read ("
          + Applier.describe(unreadable)
          + "), so who changed it cannot be named";
    }
  }

  private static String describe(Target target, AdminEventRepresentation event) {
    return user(target, event.getAuthDetails()) + " at " + Instant.ofEpochMilli(event.getTime());
  }

  /** The acting user's name, with its realm when not master; its id when it cannot be looked up. */
  private static String user(Target target, AuthDetailsRepresentation auth) {
    if (auth == null || auth.getUserId() == null) {
      return "an unknown user";
    }
    try {
      String realm = realmName(target, auth.getRealmId());
      String username =
          target.realm(realm).users().get(auth.getUserId()).toRepresentation().getUsername();
      String named = "user '" + dev.realmctl.spec.Printable.of(username) + "'";
      return "master".equals(realm) ? named : named + " of realm '" + realm + "'";
    } catch (RuntimeException notVisible) {
      return "user id " + auth.getUserId();
    }
  }

  private static String realmName(Target target, String realmId) {
    return target.keycloak().realms().findAll().stream()
        .filter(r -> realmId.equals(r.getId()))
        .map(RealmRepresentation::getRealm)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("realm id " + realmId + " not visible"));
  }
}
