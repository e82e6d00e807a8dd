package dev.realmctl.probe;

import com.fasterxml.jackson.databind.JavaType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A non-default value for a representation field, of the field's type and, where its name implies a
 * shape (a URL, an email, one of a fixed set of words), a value a validator accepts: so the server
 * decides what it keeps, not what it refuses. Empty for structured fields (nested representations).
 */
final class Variants {
  /**
   * Fields whose strings are one of a fixed set of words; a value other than the default is used.
   */
  private static final Map<String, List<String>> CHOICES =
      Map.ofEntries(
          Map.entry("sslRequired", List.of("external", "all", "none")),
          Map.entry("protocol", List.of("openid-connect", "saml")),
          Map.entry("clientAuthenticatorType", List.of("client-secret", "client-jwt")),
          Map.entry("requirement", List.of("ALTERNATIVE", "REQUIRED", "DISABLED", "CONDITIONAL")),
          Map.entry("updateProfileFirstLoginMode", List.of("on", "missing", "off")),
          Map.entry("otpPolicyAlgorithm", List.of("HmacSHA1", "HmacSHA256", "HmacSHA512")),
          Map.entry("otpPolicyType", List.of("totp", "hotp")),
          Map.entry("defaultSignatureAlgorithm", List.of("RS256", "ES256", "PS256")),
          Map.entry("bruteForceStrategy", List.of("MULTIPLE", "LINEAR")),
          Map.entry("providerId", List.of("basic-flow", "client-flow")),
          Map.entry(
              "authenticator",
              List.of("auth-cookie", "auth-spnego", "identity-provider-redirector")),
          Map.entry("loginTheme", List.of("keycloak", "base")),
          Map.entry("accountTheme", List.of("keycloak.v3", "base")),
          Map.entry("adminTheme", List.of("keycloak.v2", "base")),
          Map.entry("emailTheme", List.of("keycloak", "base")),
          Map.entry("defaultLocale", List.of("en", "de")),
          Map.entry("passwordPolicy", List.of("length(12)")),
          Map.entry("unmanagedAttributePolicy", List.of("ENABLED", "ADMIN_EDIT", "ADMIN_VIEW")),
          Map.entry("webAuthnPolicyAttestationConveyancePreference", webAuthnPreference()),
          Map.entry(
              "webAuthnPolicyPasswordlessAttestationConveyancePreference", webAuthnPreference()),
          Map.entry("webAuthnPolicyAuthenticatorAttachment", attachment()),
          Map.entry("webAuthnPolicyPasswordlessAuthenticatorAttachment", attachment()),
          Map.entry("webAuthnPolicyRequireResidentKey", residentKey()),
          Map.entry("webAuthnPolicyPasswordlessRequireResidentKey", residentKey()),
          Map.entry("webAuthnPolicyResidentKey", residentKey()),
          Map.entry("webAuthnPolicyPasswordlessResidentKey", residentKey()),
          Map.entry("webAuthnPolicyUserVerificationRequirement", verification()),
          Map.entry("webAuthnPolicyPasswordlessUserVerificationRequirement", verification()),
          Map.entry("webAuthnPolicyPasswordlessMediation", List.of("not specified", "conditional")),
          Map.entry(
              "firstBrokerLoginFlowAlias",
              List.of("first broker login", "browser", "direct grant")),
          Map.entry("postBrokerLoginFlowAlias", List.of("browser", "direct grant")),
          Map.entry("browserFlow", List.of("browser", "direct grant")),
          Map.entry("registrationFlow", List.of("registration", "browser")),
          Map.entry("directGrantFlow", List.of("direct grant", "browser")),
          Map.entry("resetCredentialsFlow", List.of("reset credentials", "browser")),
          Map.entry("clientAuthenticationFlow", List.of("clients", "browser")),
          Map.entry("dockerAuthenticationFlow", List.of("docker auth", "browser")),
          Map.entry("firstBrokerLoginFlow", List.of("first broker login", "browser")));

  /** List fields whose items name something that must exist. */
  private static final Map<String, List<String>> LISTS =
      Map.ofEntries(
          Map.entry("redirectUris", List.of("https://probe.example.org/callback/*")),
          Map.entry("webOrigins", List.of("https://probe.example.org")),
          Map.entry("defaultClientScopes", List.of("email")),
          Map.entry("optionalClientScopes", List.of("phone")),
          Map.entry("defaultDefaultClientScopes", List.of("email")),
          Map.entry("defaultOptionalClientScopes", List.of("phone")),
          Map.entry("realmRoles", List.of("offline_access")),
          Map.entry("defaultRoles", List.of("offline_access")),
          Map.entry("groups", List.of("/probe-group")),
          Map.entry("defaultGroups", List.of("/probe-group")),
          Map.entry("requiredActions", List.of("VERIFY_EMAIL")),
          Map.entry("eventsListeners", List.of("jboss-logging", "email")),
          Map.entry("enabledEventTypes", List.of("LOGIN", "LOGOUT")),
          Map.entry("supportedLocales", List.of("en", "de")),
          Map.entry("requiredCredentials", List.of("password", "otp")),
          Map.entry("webAuthnPolicySignatureAlgorithms", List.of("ES256", "RS256")),
          Map.entry("webAuthnPolicyPasswordlessSignatureAlgorithms", List.of("ES256", "RS256")),
          Map.entry("webAuthnPolicyAcceptableAaguids", List.of("probe-aaguid")),
          Map.entry("webAuthnPolicyPasswordlessAcceptableAaguids", List.of("probe-aaguid")),
          Map.entry("webAuthnPolicyExtraOrigins", List.of("https://probe.example.org")),
          Map.entry("webAuthnPolicyPasswordlessExtraOrigins", List.of("https://probe.example.org")),
          Map.entry("otpSupportedApplications", List.of("probe-app")));

  private Variants() {}

  private static List<String> webAuthnPreference() {
    return List.of("not specified", "none", "indirect", "direct");
  }

  private static List<String> attachment() {
    return List.of("not specified", "platform", "cross-platform");
  }

  private static List<String> residentKey() {
    return List.of("not specified", "Yes", "No");
  }

  private static List<String> verification() {
    return List.of("not specified", "required", "preferred", "discouraged");
  }

  /**
   * A value for {@code field} unlike {@code current} (what the server shows for an entry that does
   * not set it), or empty when the type is not one the probe varies.
   */
  static Optional<Object> of(String field, JavaType type, Object current) {
    Class<?> raw = type.getRawClass();
    if (raw == Boolean.class || raw == boolean.class) {
      return Optional.of(!Boolean.TRUE.equals(asBoolean(current)));
    }
    if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
      long now = current instanceof Number n ? n.longValue() : 0;
      return Optional.of(now > 0 ? now * 2 : 17);
    }
    if (raw.isEnum()) {
      for (Object constant : raw.getEnumConstants()) {
        if (!String.valueOf(constant).equals(String.valueOf(current))) {
          return Optional.of(String.valueOf(constant));
        }
      }
      return Optional.empty();
    }
    if (raw == String.class) {
      return Optional.of(string(field, current));
    }
    if (Collection.class.isAssignableFrom(raw) && isString(type.getContentType())) {
      return Optional.of(LISTS.getOrDefault(field, List.of("probe-" + field.toLowerCase())));
    }
    if (Map.class.isAssignableFrom(raw) && isString(type.getKeyType())) {
      JavaType content = type.getContentType();
      Map<String, Object> value = new LinkedHashMap<>();
      if (isString(content)) {
        value.put(mapKey(field), "probe-value");
        return Optional.of(value);
      }
      if (Collection.class.isAssignableFrom(content.getRawClass())
          && isString(content.getContentType())) {
        if (field.equals("clientRoles")) {
          value.put("account", List.of("view-profile"));
        } else {
          value.put(mapKey(field), new ArrayList<>(List.of("probe-value")));
        }
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  private static String mapKey(String field) {
    return field.equals("smtpServer") ? "host" : "probe.key";
  }

  private static String string(String field, Object current) {
    List<String> choices = CHOICES.get(field);
    if (choices != null) {
      return choices.stream()
          .filter(choice -> !choice.equals(current))
          .findFirst()
          .orElse(choices.get(0));
    }
    String name = field.toLowerCase(Locale.ROOT);
    if (name.endsWith("url") || name.endsWith("uri") || name.endsWith("redirecturl")) {
      return "https://probe.example.org/" + field;
    }
    if (name.contains("email")) {
      return "probe-" + name + "@example.org";
    }
    if (name.endsWith("id") && !name.equals("clientid")) {
      return java.util
          .UUID
          .nameUUIDFromBytes(field.getBytes(java.nio.charset.StandardCharsets.UTF_8))
          .toString();
    }
    return "probe-" + field;
  }

  private static boolean isString(JavaType type) {
    return type != null && type.getRawClass() == String.class;
  }

  private static Boolean asBoolean(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    return value == null ? null : Boolean.valueOf(String.valueOf(value));
  }
}
