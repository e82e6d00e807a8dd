package dev.realmctl.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvFileTest {
  @Test
  void writesOneSortedExportALineForTheShell() {
    String text = EnvFile.render(Map.of("B_SECRET", "b", "A_SECRET", "a"));

    assertTrue(text.startsWith("# Written by realmctl up"), text);
    assertTrue(text.endsWith("export A_SECRET='a'\nexport B_SECRET='b'\n"), text);
  }

  @Test
  void readsBackWhatItWroteQuotesIncluded() {
    Map<String, String> values = Map.of("QUOTED", "it's $HOME \"here\"", "PLAIN", "x-y_z");

    assertEquals(values, EnvFile.parse(EnvFile.render(values)));
  }

  @Test
  void aQuoteIsWrittenTheWayAShellReadsIt() {
    assertTrue(EnvFile.render(Map.of("Q", "a'b")).contains("export Q='a'\\''b'\n"));
  }

  @Test
  void linesItDidNotWriteAreIgnored() {
    assertEquals(
        Map.of("KEPT", "v"),
        EnvFile.parse("# a comment\nexport KEPT='v'\nunset OTHER\nexport lower-case='x'\n"));
  }
}
