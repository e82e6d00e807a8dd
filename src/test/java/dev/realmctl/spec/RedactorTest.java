package dev.realmctl.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactorTest {

  @Test
  void shortAndCommonValuesNeverRewriteUnrelatedText() {
    Redactor redactor = new Redactor();
    for (String common : new String[] {"", " ", "user", "admin", "password", "true"}) {
      redactor.remember(common);
    }
    String text = "+ roles/realm-admin\n  \"enabled\" : true, user: password-policy";
    assertEquals(text, redactor.redact(text));
  }

  @Test
  void aSecretIsMaskedInEveryFormARendererWrites() throws Exception {
    String secret = "quote\"and\nnewline\u001b[8m|pipe\\slash";
    Redactor redactor = new Redactor();
    redactor.remember(secret);
    String json = new ObjectMapper().writeValueAsString(Map.of("displayName", secret));
    String plain = "displayName: " + secret;
    String oneLine = "displayName \"" + Printable.of(secret.replace("\"", "\\\"")) + "\"";
    for (String text : new String[] {json, plain, oneLine, secret.replace("|", "\\|")}) {
      String redacted = redactor.redact(text);
      assertFalse(redacted.contains("newline"), redacted);
    }
    String redactedJson = redactor.redact(json);
    assertEquals(
        Map.of("displayName", Redactor.MASK),
        new ObjectMapper().readValue(redactedJson, Map.class));
  }
}
