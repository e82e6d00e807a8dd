package dev.realmctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The schema in the repository is the one the code generates. */
class SchemaTest {
  @Test
  void committedSchemaIsUpToDate() throws Exception {
    assertEquals(
        SchemaCommand.render(),
        Files.readString(Path.of("schema/realm.schema.json")),
        "schema/realm.schema.json is stale: run ./realmctl schema > schema/realm.schema.json");
  }
}
