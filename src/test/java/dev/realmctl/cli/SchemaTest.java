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

  private static Set<ValidationMessage> validate(String yaml) throws IOException {
    JsonSchema schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(JSON.readTree(Files.readString(SCHEMA)));
    Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    JsonNode node = JSON.valueToTree(document);
    return schema.validate(node);
  }
}
