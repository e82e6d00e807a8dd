package dev.realmctl.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The secrets of a realm file Keycloak wrote, as a pipeline gives them to realmctl: each one
 * written in clear (client secrets, the identity providers' {@code clientSecret}, the SMTP
 * password, the LDAP {@code bindCredential}) becomes {@code ${env:...}} holding the same value, so
 * Keycloak's import of the original and realmctl's apply of the rewrite agree; each one the admin
 * console's partial export masked ({@code **********}) becomes a variable with a fresh value of
 * this test's own.
 */
public final class CorpusSecrets {
  public static final String MASK = "**********";

  private final String prefix;
  private final List<String> names = new ArrayList<>();
  private TestSecrets secrets = TestSecrets.ofRun();

  /** Variables are named {@code <prefix>_<pid>_<n>}. */
  public CorpusSecrets(String prefix) {
    this.prefix = prefix;
  }

  /** Rewrites {@code realm} in place: its clear secrets, or with {@code masked} its masked ones. */
  public void toVariables(ObjectNode realm, boolean masked) {
    JsonNode smtp = realm.path("smtpServer");
    if (smtp.has("password")) {
      replace((ObjectNode) smtp, "password", masked);
    }
    for (JsonNode client : realm.path("clients")) {
      if (client.has("secret")) {
        replace((ObjectNode) client, "secret", masked);
      }
    }
    for (JsonNode provider : realm.path("identityProviders")) {
      JsonNode config = provider.path("config");
      if (config.has("clientSecret")) {
        replace((ObjectNode) config, "clientSecret", masked);
      }
    }
    for (Iterator<JsonNode> types = realm.path("components").elements(); types.hasNext(); ) {
      for (JsonNode component : types.next()) {
        JsonNode credential = component.path("config").path("bindCredential");
        if (credential.isArray() && !credential.isEmpty()) {
          ((ArrayNode) credential).set(0, variable(credential.get(0).asText(), masked));
        }
      }
    }
  }

  /** Gives a variable a file or an export names a fresh value, unless it has one. */
  public void give(String name) {
    if (!secrets.has(name)) {
      names.add(name);
      secrets = secrets.withFresh(name);
    }
  }

  public TestSecrets secrets() {
    return secrets;
  }

  /** The variables made or given so far. */
  public List<String> names() {
    return List.copyOf(names);
  }

  private void replace(ObjectNode owner, String field, boolean masked) {
    owner.set(field, variable(owner.get(field).asText(), masked));
  }

  private TextNode variable(String value, boolean masked) {
    if (masked != MASK.equals(value) || value.startsWith("${")) {
      return new TextNode(value);
    }
    String name = prefix + "_" + ProcessHandle.current().pid() + "_" + names.size();
    names.add(name);
    secrets = masked ? secrets.withFresh(name) : secrets.with(name, value);
    return new TextNode("${env:" + name + "}");
  }
}
