package dev.realmctl.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.render.PlanRenderer;
import dev.realmctl.spec.Sensitive;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SecretValuesTest {
  private static final String KEY = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC-private";
  private static final String RECAPTCHA = "6LeIxAcTAAAAAGG-recaptcha";
  private static final SecretValues SECRETS = new SecretValues(Set.of("secret.key"));

  private static Plan plan() {
    var realm = new RealmPlanner.Id("r");
    return new Plan(
        List.of(
            SECRETS.mask(
                Change.update(
                    realm,
                    List.of(
                        new FieldChange(
                            "attributes",
                            Optional.of("saml.signing.private.key"),
                            Optional.of(KEY),
                            Optional.of(KEY + "-new")),
                        new FieldChange(
                            "passwordPolicy",
                            Optional.empty(),
                            Optional.of("length(8)"),
                            Optional.of("length(12)"))))),
            SECRETS.mask(
                Change.create(
                    realm,
                    Map.of(
                        "name",
                        "captcha",
                        "config",
                        Map.of("secret.key", List.of(RECAPTCHA), "siteKey", List.of("site")))))),
        0);
  }

  @ParameterizedTest
  @EnumSource(PlanRenderer.Format.class)
  void keyMaterialIsHiddenOnBothSidesInEveryFormat(PlanRenderer.Format format) {
    String out = PlanRenderer.of(format, false).render(plan());
    assertFalse(out.contains("MIIEvQ"), out);
    assertFalse(out.contains(RECAPTCHA), out);
    assertTrue(out.contains("length(12)"), "what only speaks of passwords stays readable: " + out);
    assertTrue(out.contains("site"), out);
  }

  @Test
  void namesAndMetadataDecideNotTheValue() {
    for (String secret :
        List.of(
            "secret",
            "clientSecret",
            "bindCredential",
            "keystorePassword",
            "privateKey",
            "saml.encryption.private.key",
            "secret.key")) {
      assertTrue(SECRETS.isSecret(secret), secret);
    }
    for (String plain :
        List.of(
            "passwordPolicy",
            "resetCredentialsFlow",
            "webAuthnPolicyPasswordlessUserVerificationRequirement",
            "saml.signing.certificate",
            "credentialData",
            "clientAuthenticatorType")) {
      assertFalse(SECRETS.isSecret(plain), plain);
    }
  }

  @Test
  void theWriterStillGetsTheValue() {
    Change masked =
        plan().changes().stream().filter(c -> c.action() == Action.UPDATE).findFirst().get();
    Object after = ((Map<?, ?>) masked.after().get("attributes")).get("saml.signing.private.key");
    assertEquals(new Sensitive(KEY + "-new"), after);
    assertEquals(KEY + "-new", ((Sensitive) after).reveal());
  }
}
