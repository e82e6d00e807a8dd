package dev.realmctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The schema in the repository is the one the code generates, and it says what editors should. */
class SchemaTest {
  private static final Path SCHEMA = Path.of("schema/realm.schema.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void committedSchemaIsUpToDate() throws Exception {
    assertEquals(
        SchemaCommand.render(),
        Files.readString(SCHEMA),
        "schema/realm.schema.json is stale: run ./realmctl schema > schema/realm.schema.json");
  }

  @Test
  void theShippedSpecsAreValidUnderIt() throws IOException {
    List<String> problems = new ArrayList<>();
    for (String folder : List.of("realms", "src/test/resources/specs")) {
      try (Stream<Path> files = Files.walk(Path.of(folder))) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          validate(Files.readString(file)).forEach(m -> problems.add(file + ": " + m.getMessage()));
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void aMisspeltFieldIsFlagged() throws IOException {
    Set<ValidationMessage> messages =
        validate("realm: r\nclients:\n  - clientId: a\n    serviceAcountsEnabled: true\n");
    assertTrue(
        messages.stream().anyMatch(m -> m.getMessage().contains("serviceAcountsEnabled")),
        messages::toString);
  }

  /**
   * Issue 20: the value sets and descriptions people need come from Keycloak's own metadata
   * (serverinfo, the admin console's messages), captured by ServerMetadataIT.
   */
  @Test
  void fieldsPeopleGetWrongCarryKeycloaksValuesAndWords() throws IOException {
    JsonNode schema = JSON.readTree(Files.readString(SCHEMA));
    JsonNode client = schema.at("/$defs/client/properties");
    assertTrue(values(client.at("/clientAuthenticatorType/enum")).contains("client-secret"));
    assertTrue(client.at("/clientAuthenticatorType/description").asText().contains("client-jwt:"));
    assertTrue(values(client.at("/protocol/enum")).containsAll(List.of("openid-connect", "saml")));
    JsonNode step =
        schema.at(
            "/properties/authenticationFlows/items/properties/authenticationExecutions/items");
    assertEquals(
        Set.of("REQUIRED", "ALTERNATIVE", "DISABLED", "CONDITIONAL"),
        Set.copyOf(values(step.at("/properties/requirement/enum"))));
    assertTrue(values(step.at("/properties/authenticator/examples")).contains("auth-cookie"));
    JsonNode claim = schema.at("/$defs/protocolMapper/properties/config/properties");
    assertEquals(List.of("true", "false"), values(claim.at("/access.token.claim/enum")));
    assertTrue(
        claim.at("/access.token.claim/description").asText().contains("access token"),
        claim.at("/access.token.claim").toString());
  }

  @Test
  void aStringFieldRefusesANumberOrABoolean() throws IOException {
    String client =
        """
        realm: r
        clients:
          - clientId: a
            attributes:
              access.token.lifespan: %s
            protocolMappers:
              - name: m
                protocolMapper: oidc-audience-mapper
                config:
                  access.token.claim: %s
        """;
    assertEquals(Set.of(), validate(client.formatted("\"300\"", "\"true\"")));
    Set<ValidationMessage> messages = validate(client.formatted("300", "true"));
    assertTrue(
        messages.stream().anyMatch(m -> m.getMessage().contains("access.token.lifespan")),
        messages::toString);
    assertTrue(
        messages.stream().anyMatch(m -> m.getMessage().contains("access.token.claim")),
        messages::toString);
  }

  @Test
  void anUnknownClientAuthenticatorIsFlagged() throws IOException {
    Set<ValidationMessage> messages =
        validate(
            "realm: r\nclients:\n  - clientId: a\n    clientAuthenticatorType: client-secret-basic\n");
    assertTrue(
        messages.stream().anyMatch(m -> m.getMessage().contains("clientAuthenticatorType")),
        messages::toString);
  }

  private static List<String> values(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static Set<ValidationMessage> validate(String yaml) throws IOException {
    JsonSchema schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(JSON.readTree(Files.readString(SCHEMA)));
    Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    JsonNode node = JSON.valueToTree(document);
    return schema.validate(node);
  }
}
