package dev.realmctl.plan;

import dev.realmctl.spec.Problem;
import dev.realmctl.spec.RealmSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The realm's own settings: every field PUT realm honours. The SMTP password is sent when the realm
 * is created, or when Keycloak has none; never compared, since Keycloak answers it masked. Client
 * policies and profiles are compared whole, each declared key of each entry in order.
 */
public final class RealmPlanner implements ResourcePlanner {

  public record Id(String realm) implements ResourceId {
    public Kind kind() {
      return Kind.REALM;
    }

    public String path() {
      return "realm";
    }
  }

  static final String SMTP = "smtpServer";
  static final String SMTP_PASSWORD = "password";

  /** A new realm's OTP policy (24 to 26.7), which a realm import takes only whole. */
  static final Map<String, Object> NEW_REALM_OTP_POLICY =
      Map.of(
          "otpPolicyType", "totp",
          "otpPolicyAlgorithm", "HmacSHA1",
          "otpPolicyDigits", 6,
          "otpPolicyInitialCounter", 0,
          "otpPolicyLookAheadWindow", 1,
          "otpPolicyPeriod", 30,
          "otpPolicyCodeReusable", false);

  /** Structured settings compared whole: a list of mappings under one key. */
  private static final Set<String> WHOLE = Set.of("clientPolicies", "clientProfiles");

  @Override
  public void plan(RealmSpec spec, LiveRealm live, PlanBuilder out) {
    Map<String, Object> desired = desired(spec);
    out.report(references(spec));
    ResourceId id = new Id(spec.realm());
    out.add(
        out.realmExists
            ? Diff.update(id, diff(desired, live.settings()), spec.origin())
            : Diff.change(Change.create(id, create(spec.realm(), desired)).at(spec.origin())));
  }

  /** The declared settings; flow bindings are written once their flows exist (FlowPlanner). */
  static Map<String, Object> desired(RealmSpec spec) {
    Map<String, Object> desired = new LinkedHashMap<>(spec.settings());
    desired.keySet().removeAll(FlowPlanner.REALM_BINDINGS);
    return desired;
  }

  /** The ownership record is realmctl's, never the spec's. */
  static List<Problem> references(RealmSpec spec) {
    if (spec.settings().get("attributes") instanceof Map<?, ?> declared
        && declared.containsKey(Ownership.ATTRIBUTE)) {
      return List.of(
          Problem.error(
              spec.origin().at("attributes"),
              "attribute '" + Ownership.ATTRIBUTE + "' is realmctl's own record"));
    }
    return List.of();
  }

  /** A new realm, enabled, with the declared settings. */
  static Map<String, Object> create(String realm, Map<String, Object> desired) {
    Map<String, Object> create = new LinkedHashMap<>();
    create.put("realm", realm);
    create.put("enabled", true);
    create.putAll(desired);
    // Keycloak's realm import takes the OTP policy only whole: without its type it keeps the
    // default policy, with the type alone it stores nulls (and GET realm answers 500 after).
    if (desired.keySet().stream().anyMatch(f -> f.startsWith("otpPolicy"))) {
      NEW_REALM_OTP_POLICY.forEach(create::putIfAbsent);
    }
    return create;
  }

  /**
   * The fields of an existing realm that differ: the SMTP password only when Keycloak has none,
   * client policies and profiles by {@link #covers}.
   */
  static List<FieldChange> diff(Map<String, Object> desired, Map<String, Object> settings) {
    Map<String, Object> compared = new LinkedHashMap<>(desired);
    WHOLE.forEach(compared::remove);
    if (compared.get(SMTP) instanceof Map<?, ?> smtp) {
      Map<String, Object> withoutPassword = new LinkedHashMap<>();
      smtp.forEach((k, v) -> withoutPassword.put(String.valueOf(k), v));
      Object livePassword =
          settings.get(SMTP) instanceof Map<?, ?> liveSmtp ? liveSmtp.get(SMTP_PASSWORD) : null;
      if (livePassword != null && !"".equals(livePassword)) {
        withoutPassword.remove(SMTP_PASSWORD);
      }
      compared.put(SMTP, withoutPassword);
    }
    List<FieldChange> changes = new ArrayList<>(FieldDiff.between(compared, settings));
    for (String field : WHOLE) {
      if (desired.containsKey(field) && !covers(desired.get(field), settings.get(field))) {
        changes.add(
            new FieldChange(
                field,
                Optional.empty(),
                Optional.ofNullable(settings.get(field)),
                Optional.ofNullable(desired.get(field))));
      }
    }
    return changes;
  }

  /**
   * Whether Keycloak's value holds what is declared: each declared key of a mapping, lists of the
   * same length entry by entry, scalars by their text. Keys the spec leaves out are Keycloak's.
   */
  static boolean covers(Object want, Object have) {
    if (want instanceof Map<?, ?> wantMap) {
      if (!(have instanceof Map<?, ?> haveMap)) {
        return wantMap.isEmpty() && have == null;
      }
      return wantMap.entrySet().stream()
          .allMatch(e -> covers(e.getValue(), haveMap.get(String.valueOf(e.getKey()))));
    }
    if (want instanceof List<?> wantList) {
      if (!(have instanceof List<?> haveList)) {
        return wantList.isEmpty() && have == null;
      }
      if (wantList.size() != haveList.size()) {
        return false;
      }
      for (int i = 0; i < wantList.size(); i++) {
        if (!covers(wantList.get(i), haveList.get(i))) {
          return false;
        }
      }
      return true;
    }
    return FieldDiff.same(want, have);
  }
}
