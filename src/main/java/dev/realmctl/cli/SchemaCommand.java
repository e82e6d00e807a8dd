package dev.realmctl.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.realmctl.keycloak.RepresentationCatalog;
import dev.realmctl.spec.SpecSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "schema",
    description = "Print the JSON Schema of the spec (schema/realm.schema.json).")
final class SchemaCommand implements java.util.concurrent.Callable<Integer> {
  @ParentCommand Realmctl root;

  static String render() throws JsonProcessingException {
    return new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .writeValueAsString(new SpecSchema(new RepresentationCatalog()).generate())
        + "\n";
  }

  @Override
  public Integer call() throws JsonProcessingException {
    root.output().print(render());
    return ExitCodes.OK;
  }
}
