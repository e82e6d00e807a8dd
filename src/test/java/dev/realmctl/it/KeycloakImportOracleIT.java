package dev.realmctl.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.realmctl.keycloak.Connection;
import dev.realmctl.keycloak.Reconciler;
import dev.realmctl.plan.Change;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.SpecException;
import dev.realmctl.support.AdminHttp;
import dev.realmctl.support.CorpusSecrets;
import dev.realmctl.support.RealmState;
import dev.realmctl.support.Specs;
import dev.realmctl.support.StateDiff;
import dev.realmctl.support.TestKeycloak;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Keycloak's own import is the oracle (issue 18): for each corpus file, Keycloak imports it ({@code
 * POST /admin/realms}) into realm A and realmctl applies it into an empty realm B; the two realms'
 * whole state ({@link RealmState}) must be the same, the plan of the file against B must be empty,
 * and so must its plan against A (adopting a realm Keycloak made changes nothing). A folder of
 * numbered files is one realm updated in steps: realmctl applies each step to B in order, Keycloak
 * imports each step afresh into A, and each step must converge.
 *
 * <p>The corpus is Keycloak's own exports for the server's version ({@code
 * corpus/keycloak-<version>/}) and the hand-written files of {@code corpus/handwritten/} (see the
 * corpus README). Secrets Keycloak wrote in clear become {@code ${env:...}} for realmctl with the
 * same value, so both realms hold the same ones; a hand-written file's {@code ${env:...}} get fresh
 * values, which Keycloak gets written in.
 *
 * <p>Two tables say what is expected beyond agreement: {@link #REFUSALS}, where realmctl refuses on
 * purpose at the file's line (the file then goes on with the values a pipeline would give), and
 * {@link #KNOWN} ({@code corpus/known-differences.tsv}), the differences not fixed yet, each with
 * its reason. The test fails on any difference not in the table, and on any entry of the table that
 * no longer happens.
 */
class KeycloakImportOracleIT {
  private static final Path CORPUS = Specs.project().resolve("src/test/resources/corpus");
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{env:([A-Za-z0-9_]+)}");

  /** Refused on purpose, at the file's line: the file and the problem realmctl must report. */
  private static final Map<String, String> REFUSALS =
      Map.of(
          "identity.partial-export.json", "this secret was masked by the admin console's export");

  /** A known difference: the file (and step), what differs, and why it is not fixed yet. */
  record Known(String file, String difference, String reason) {}

  /** {@code corpus/known-differences.tsv}: the table of known differences, with their reasons. */
  private static final List<Known> KNOWN = known();

  private static List<Known> known() {
    try {
      return Files.readAllLines(CORPUS.resolve("known-differences.tsv")).stream()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(line -> line.split("\t", -1))
          .map(
              cells -> {
                assertEquals(3, cells.length, () -> "known-differences.tsv: " + cells[0]);
                return new Known(cells[0], cells[1], cells[2]);
              })
          .toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @TempDir Path folder;

  private final List<String> realms = new ArrayList<>();
  private final CorpusSecrets corpusSecrets = new CorpusSecrets("ORACLE_SECRET");

  @AfterEach
  void removeRealms() {
    try {
      AdminHttp http = AdminHttp.of(TestKeycloak.get());
      realms.forEach(http::removeRealm);
    } catch (RuntimeException e) {
      // cleanup only
    }
  }

  /** One corpus entry: a file, or a folder of numbered steps, named as in {@link #KNOWN}. */
  record Entry(String name, List<Path> steps) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Entry> corpus() throws IOException {
    int major = TestKeycloak.get().behaviour().server().major();
    List<Entry> entries = new ArrayList<>();
    entries.addAll(entries(CORPUS.resolve(major >= 26 ? "keycloak-26.7.3" : "keycloak-24.0.5")));
    entries.addAll(entries(CORPUS.resolve("handwritten")));
    return entries.stream();
  }

  private static List<Entry> entries(Path folder) throws IOException {
    List<Entry> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path path : files.sorted().toList()) {
        String name = folder.getFileName() + "/" + path.getFileName();
        if (Files.isDirectory(path)) {
          try (Stream<Path> steps = Files.list(path)) {
            out.add(
                new Entry(name, steps.filter(KeycloakImportOracleIT::isRealm).sorted().toList()));
          }
        } else if (isRealm(path)) {
          out.add(new Entry(name, List.of(path)));
        }
      }
    }
    return out;
  }

  private static boolean isRealm(Path path) {
    String name = path.getFileName().toString();
    return name.endsWith(".json") || name.endsWith(".yaml");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void keycloakImportAndRealmctlApplyAgree(Entry entry) throws Exception {
    String a = Specs.uniqueName("oracle-a");
    String b = Specs.uniqueName("oracle-b");
    realms.add(a);
    realms.add(b);
    Map<String, String> details = new java.util.TreeMap<>();
    for (Path step : entry.steps()) {
      String prefix = entry.steps().size() > 1 ? step.getFileName() + ": " : "";
      step(entry, step, a, b)
          .forEach(
              (key, detail) ->
                  details.put(prefix + key.replace(a, "<A>").replace(b, "<B>"), prefix + detail));
    }
    Set<String> found = details.keySet();
    Set<String> expected =
        KNOWN.stream()
            .filter(k -> k.file().equals(entry.name()))
            .map(Known::difference)
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> unexpected = new TreeSet<>(found);
    unexpected.removeAll(expected);
    Set<String> gone = new TreeSet<>(expected);
    gone.removeAll(found);
    if (!unexpected.isEmpty() || !gone.isEmpty()) {
      fail(
          entry.name()
              + ": Keycloak's import and realmctl's apply differ\n  new:\n    "
              + unexpected.stream().map(details::get).collect(Collectors.joining("\n    "))
              + "\n  known, but no longer seen (remove from KNOWN):\n    "
              + String.join("\n    ", gone));
    }
  }

  /** One file: Keycloak's import into A, realmctl's apply to B; what differs. */
  private Map<String, String> step(Entry entry, Path file, String a, String b) throws Exception {
    JsonNode source = read(file);
    ObjectNode realmctlTree = (ObjectNode) source.deepCopy();
    corpusSecrets.toVariables(realmctlTree, false);
    Map<String, String> given = new java.util.HashMap<>();
    Matcher m = VARIABLE.matcher(Files.readString(file));
    while (m.find()) {
      corpusSecrets.give(m.group(1));
      given.put(m.group(1), corpusSecrets.secrets().value(m.group(1)));
    }

    AdminHttp http = AdminHttp.of(TestKeycloak.get());
    // Each step is Keycloak's import of the whole file: what the realm is after that step.
    http.removeRealm(a);
    String keycloakJson = withValues(renamed(JSON.writeValueAsString(source), source, a), given);
    http.importRealm(keycloakJson);

    String original = file.getFileName().toString();
    Path forB = folder.resolve("b-" + original);
    Path forA = folder.resolve("a-" + original);
    if (original.endsWith(".yaml")) {
      String text = Files.readString(file);
      Files.writeString(forB, renamed(text, source, b));
      Files.writeString(forA, renamed(text, source, a));
    } else {
      String text = JSON.writeValueAsString(realmctlTree);
      Files.writeString(forB, renamed(text, realmctlTree, b));
      Files.writeString(forA, renamed(text, realmctlTree, a));
    }

    Map<String, String> found = new java.util.LinkedHashMap<>();
    String refusal = REFUSALS.get(original);
    RealmSpec specB;
    RealmSpec specA;
    if (refusal != null) {
      SpecException refused = null;
      try {
        Specs.load(corpusSecrets.secrets(), forB);
      } catch (SpecException e) {
        refused = e;
      }
      assertTrue(refused != null, entry.name() + ": not refused");
      SpecException problems = refused;
      assertTrue(
          problems.problems().stream().anyMatch(p -> p.isError() && p.toString().contains(refusal)),
          () -> entry.name() + ": refused, but not for '" + refusal + "': " + problems.problems());
      // Then as a pipeline goes on: the refused values given as variables.
      corpusSecrets.toVariables(realmctlTree, true);
      String text = JSON.writeValueAsString(realmctlTree);
      Files.writeString(forB, renamed(text, realmctlTree, b));
      Files.writeString(forA, renamed(text, realmctlTree, a));
    }
    try {
      specB = Specs.load(corpusSecrets.secrets(), forB).get(0).renamed(b);
      specA = Specs.load(corpusSecrets.secrets(), forA).get(0).renamed(a);
    } catch (SpecException e) {
      e.problems().stream()
          .filter(p -> p.isError())
          .forEach(p -> found.put("refused: " + p.message(), "refused: " + p));
      return found;
    }
    try (Connection connection = TestKeycloak.get().connect()) {
      Reconciler reconciler = new Reconciler(connection);
      try {
        reconciler.apply(reconciler.plan(List.of(specB)), c -> {});
      } catch (RuntimeException e) {
        found.put("apply failed: " + e.getMessage(), "apply failed: " + e);
        return found;
      }
      plan(reconciler, specB, "plan B: ", false, found);
      plan(reconciler, specA, "plan A: ", true, found);
    }
    JsonNode keycloak = RealmState.normalised(RealmState.read(TestKeycloak.get(), a), a);
    JsonNode realmctl = RealmState.normalised(RealmState.read(TestKeycloak.get(), b), b);
    for (StateDiff.Difference d : StateDiff.between(keycloak, realmctl)) {
      found.put("state: " + d.path(), "state: " + d);
    }
    return found;
  }

  /** The plan's changes (against A, the realm's own: bookkeeping is realmctl's first write). */
  private static void plan(
      Reconciler reconciler,
      RealmSpec spec,
      String label,
      boolean adopting,
      Map<String, String> found) {
    try {
      var plan = reconciler.plan(List.of(spec)).plan();
      for (Change change : adopting ? plan.resourceChanges() : plan.changes()) {
        found.put(label + describe(change), label + describe(change) + " " + change.source());
      }
    } catch (SpecException e) {
      e.problems().stream()
          .filter(p -> p.isError())
          .forEach(p -> found.put(label + "refused: " + p.message(), label + "refused: " + p));
    }
  }

  private static String describe(Change change) {
    return change.action()
        + " "
        + change.id().path()
        + change.fields().stream().map(f -> f.name()).collect(Collectors.joining(", ", " [", "]"));
  }

  private static JsonNode read(Path file) throws IOException {
    String text = Files.readString(file);
    if (file.getFileName().toString().endsWith(".yaml")) {
      // Keycloak takes JSON: the same content, anchors and merge keys resolved.
      return JSON.valueToTree(new Yaml().load(text));
    }
    return JSON.readTree(text);
  }

  /**
   * The realm's name, and the values Keycloak derives from it (the default role, the built-in
   * clients' URLs), in a copy named {@code newName}.
   */
  private static String renamed(String text, JsonNode realm, String newName) {
    String old = realm.path("realm").asText();
    return text.replace("default-roles-" + old.toLowerCase(), "default-roles-" + newName)
        .replace("/realms/" + old + "/", "/realms/" + newName + "/")
        .replace("/admin/" + old + "/", "/admin/" + newName + "/")
        .replaceFirst(
            "(\"realm\"\\s*:\\s*|(?m)^realm\\s*:\\s*)\"?" + Pattern.quote(old) + "\"?",
            "$1\"" + newName + "\"");
  }

  private static String withValues(String json, Map<String, String> values) {
    String out = json;
    for (var e : values.entrySet()) {
      out = out.replace("${env:" + e.getKey() + "}", e.getValue());
    }
    return out;
  }

  static {
    assertEquals(
        KNOWN.size(),
        KNOWN.stream().map(k -> k.file() + k.difference()).distinct().count(),
        "KNOWN lists a difference twice");
  }
}
