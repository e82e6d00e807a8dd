package dev.realmctl.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SnakeYAML's syntax errors reach the user in plain words, at the line. */
class YamlMessagesTest {
  @TempDir Path folder;

  @Test
  void aKeyIndentedUnlikeItsSiblingsIsSaidInWords() throws IOException {
    String error =
        error("realm: a\nclients:\n  - clientId: x\n    secret: s\n  name: y\n  - clientId: z\n");
    assertTrue(error.startsWith("5:3: this line is not indented like the lines it belongs with"));
    assertTrue(error.contains("(the block that starts at line 3, column 3)"), error);
    assertFalse(error.contains("<block end>"), error);
  }

  @Test
  void aListItemOutdentedFromItsListIsSaidInWords() throws IOException {
    String error = error("realm: a\nclients:\n  - clientId: x\n - clientId: y\n");
    assertTrue(error.startsWith("4:2: this line is not indented like the lines"), error);
  }

  @Test
  void aKeyIndentedDeeperThanTheOneAboveIsSaidInWords() throws IOException {
    assertEquals(
        "2:10: a 'key: value' cannot start here: either this line is indented deeper than the key"
            + " above it, or a value holds ': ' (then quote the value)",
        error("realm: a\n  enabled: true\n"));
  }

  @Test
  void otherCommonMistakes() throws IOException {
    assertEquals(
        "2:1: a tab character: YAML indents with spaces only",
        error("realm: a\n\tenabled: true\n"));
    assertTrue(
        error("realm: a\nroles\nenabled: true\n")
            .endsWith(
                "a line (at line 2, column 1) has no ':' after its key: every line of a"
                    + " mapping is 'key: value'"));
    assertTrue(
        error("realm: \"a\nenabled: true\n")
            .contains("a quoted value that starts at line 1, column 8 is never closed"));
    assertTrue(
        error("realm: a\nredirectUris: [a, b\nx: 1\n")
            .contains("a list in [ ] that starts at line 2, column 15 is not closed"));
  }

  private String error(String yaml) throws IOException {
    Path file = Files.writeString(folder.resolve("spec.yaml"), yaml);
    try {
      new SpecLoader(
              new dev.realmctl.keycloak.RepresentationCatalog(),
              Variables.of(Map.of()),
              new Redactor())
          .load(List.of(file));
    } catch (SpecException e) {
      assertEquals(1, e.problems().size(), e.problems().toString());
      return e.problems().get(0).toString().substring(file.toString().length() + 1);
    }
    throw new AssertionError("no error for: " + yaml);
  }
}
