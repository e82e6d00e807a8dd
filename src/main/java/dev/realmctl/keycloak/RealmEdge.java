package dev.realmctl.keycloak;

import dev.realmctl.plan.Change;
import dev.realmctl.plan.Kind;
import dev.realmctl.plan.LiveRealm;
import dev.realmctl.plan.Ownership;
import dev.realmctl.plan.RealmPlanner;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * The realm's own fields. They are read before any kind (each kind's ownership record is among
 * them); the export writes only what differs from a new realm, and the SMTP password as a variable.
 */
final class RealmEdge implements KindEdge {
  /** Field, and the value a new realm has: exported only when the live value differs. */
  private static final Map<String, Object> REALM_DEFAULTS =
      ExportFields.defaults(
          "displayName",
          null,
          "displayNameHtml",
          null,
          "enabled",
          true,
          "sslRequired",
          "external",
          "registrationAllowed",
          false,
          "loginWithEmailAllowed",
          true,
          "duplicateEmailsAllowed",
          false,
          "resetPasswordAllowed",
          false,
          "rememberMe",
          false,
          "verifyEmail",
          false,
          "accessTokenLifespan",
          300,
          "ssoSessionIdleTimeout",
          1800,
          "ssoSessionMaxLifespan",
          36000,
          "loginTheme",
          null,
          "bruteForceProtected",
          false,
          "eventsEnabled",
          false,
          "eventsExpiration",
          null,
          "eventsListeners",
          List.of("jboss-logging"),
          "enabledEventTypes",
          List.of(),
          "adminEventsEnabled",
          false,
          "adminEventsDetailsEnabled",
          false,
          "supportedLocales",
          List.of(),
          "defaultLocale",
          null,
          "internationalizationEnabled",
          false,
          "requiredCredentials",
          List.of("password"),
          "otpPolicyType",
          "totp",
          "otpPolicyAlgorithm",
          "HmacSHA1",
          "otpPolicyDigits",
          6,
          "otpPolicyInitialCounter",
          0,
          "otpPolicyLookAheadWindow",
          1,
          "otpPolicyPeriod",
          30,
          "otpPolicyCodeReusable",
          false,
          "webAuthnPolicyRpEntityName",
          "keycloak",
          "webAuthnPolicySignatureAlgorithms",
          List.of("ES256", "RS256"),
          "webAuthnPolicyRpId",
          "",
          "webAuthnPolicyAttestationConveyancePreference",
          "not specified",
          "webAuthnPolicyAuthenticatorAttachment",
          "not specified",
          "webAuthnPolicyRequireResidentKey",
          "not specified",
          "webAuthnPolicyResidentKey",
          "not specified",
          "webAuthnPolicyUserVerificationRequirement",
          "not specified",
          "webAuthnPolicyCreateTimeout",
          0,
          "webAuthnPolicyAvoidSameAuthenticatorRegister",
          false,
          "webAuthnPolicyAcceptableAaguids",
          List.of(),
          "webAuthnPolicyExtraOrigins",
          List.of(),
          "webAuthnPolicyPasswordlessRpEntityName",
          "keycloak",
          "webAuthnPolicyPasswordlessSignatureAlgorithms",
          List.of("ES256", "RS256"),
          "webAuthnPolicyPasswordlessRpId",
          "",
          "webAuthnPolicyPasswordlessAttestationConveyancePreference",
          "not specified",
          "webAuthnPolicyPasswordlessAuthenticatorAttachment",
          "not specified",
          "webAuthnPolicyPasswordlessRequireResidentKey",
          "not specified",
          "webAuthnPolicyPasswordlessResidentKey",
          "required",
          "webAuthnPolicyPasswordlessUserVerificationRequirement",
          "required",
          "webAuthnPolicyPasswordlessCreateTimeout",
          0,
          "webAuthnPolicyPasswordlessAvoidSameAuthenticatorRegister",
          false,
          "webAuthnPolicyPasswordlessAcceptableAaguids",
          List.of(),
          "webAuthnPolicyPasswordlessExtraOrigins",
          List.of(),
          "browserSecurityHeaders",
          Map.of(
              "contentSecurityPolicyReportOnly",
              "",
              "xContentTypeOptions",
              "nosniff",
              "referrerPolicy",
              "no-referrer",
              "xRobotsTag",
              "none",
              "xFrameOptions",
              "SAMEORIGIN",
              "contentSecurityPolicy",
              "frame-src 'self'; frame-ancestors 'self'; object-src 'none';",
              "strictTransportSecurity",
              "max-age=31536000; includeSubDomains"),
          "clientPolicies",
          Map.of("policies", List.of()),
          "clientProfiles",
          Map.of("profiles", List.of()));

  /** Realm attributes every new realm has, with their values: exported only when changed. */
  private static final Map<String, String> REALM_ATTRIBUTE_DEFAULTS =
      Map.of(
          "cibaBackchannelTokenDeliveryMode", "poll",
          "cibaExpiresIn", "120",
          "cibaAuthRequestedUserHint", "login_hint",
          "cibaInterval", "5",
          "oauth2DeviceCodeLifespan", "600",
          "oauth2DevicePollingInterval", "5",
          "parRequestUriLifespan", "60",
          "realmReusableOtpCode", "false");

  @Override
  public Map<Kind, ChangeWriter<?>> writers() {
    return Map.of(Kind.REALM, new RealmWriter());
  }

  @Override
  public void export(String realm, LiveRealm live, Map<String, Object> spec, List<String> notes) {
    spec.put("realm", realm);
    spec.putAll(ExportFields.nonDefault(live.settings(), REALM_DEFAULTS));
    attributes(live.settings()).ifPresent(attributes -> spec.put("attributes", attributes));
    smtpServer(realm, live.settings(), notes).ifPresent(smtp -> spec.put("smtpServer", smtp));
  }

  /** The realm's attributes that differ from a new realm's, without realmctl's own record. */
  private static Optional<Map<String, Object>> attributes(Map<String, Object> realm) {
    Map<String, Object> result = new TreeMap<>();
    if (realm.get("attributes") instanceof Map<?, ?> attributes) {
      attributes.forEach(
          (key, value) -> {
            String name = String.valueOf(key);
            if (!name.equals(Ownership.ATTRIBUTE)
                && value != null
                && !String.valueOf(value).equals(REALM_ATTRIBUTE_DEFAULTS.get(name))) {
              result.put(name, value);
            }
          });
    }
    return result.isEmpty() ? Optional.empty() : Optional.of(result);
  }

  /** The mail server; its password (Keycloak answers it masked) becomes a variable to set. */
  private static Optional<Map<String, Object>> smtpServer(
      String realmName, Map<String, Object> realm, List<String> notes) {
    if (!(realm.get("smtpServer") instanceof Map<?, ?> smtp) || smtp.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> result = ExportFields.sortedMap(smtp);
    if (result.containsKey("password")) {
      String variable = smtpPasswordVariable(realmName);
      result.put("password", "${env:" + variable + "}");
      notes.add("smtpServer: password not exported (Keycloak never shows it); set " + variable);
    }
    return Optional.of(result);
  }

  static String smtpPasswordVariable(String realm) {
    return (realm + "_SMTP_PASSWORD").toUpperCase().replaceAll("[^A-Z0-9]+", "_");
  }

  /**
   * Writes fields to the realm. Keycloak's realm PUT replaces the attributes map whole when one is
   * sent (an attribute left out is deleted, measured on 26.7.3: WriteOnlyPlannedIT), so a realm
   * write is the representation re-read immediately before the write with the fields laid over it,
   * the narrowest window there is; {@code check} sees that fresh read first and may refuse.
   */
  static void update(
      String name,
      Target target,
      java.util.function.UnaryOperator<Map<String, Object>> fieldsGivenFresh) {
    var realm = target.realm(name);
    RealmRepresentation fresh = realm.toRepresentation();
    Map<String, Object> fields = fieldsGivenFresh.apply(Json.toMap(fresh));
    realm.update(Json.overlay(fresh, fields, RealmRepresentation.class));
  }

  private static final class RealmWriter implements ChangeWriter<RealmPlanner.Id> {
    @Override
    public Class<RealmPlanner.Id> idType() {
      return RealmPlanner.Id.class;
    }

    @Override
    public void create(RealmPlanner.Id id, Change change, Target target) {
      target
          .keycloak()
          .realms()
          .create(Json.toRepresentation(change.after(), RealmRepresentation.class));
    }

    @Override
    public boolean exists(RealmPlanner.Id id, Change change, Target target) {
      return ChangeWriter.found(
          () -> target.keycloak().realms().realm(id.realm()).toRepresentation());
    }

    @Override
    public void update(RealmPlanner.Id id, Change change, Target target) {
      RealmEdge.update(
          id.realm(),
          target,
          fresh -> {
            PlannedFields.check(change, fresh, target, AdminEvents.Resource.realm());
            return change.after();
          });
    }

    @Override
    public void delete(RealmPlanner.Id id, Change change, Target target) {
      throw new UnsupportedOperationException("realmctl never deletes a realm");
    }
  }
}
