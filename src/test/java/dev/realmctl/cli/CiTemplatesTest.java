package dev.realmctl.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.version.KeycloakVersion;
import dev.realmctl.version.SupportedVersions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The pipeline templates parse, and every realmctl command in them exists as written. */
class CiTemplatesTest {
  private static final Pattern REALMCTL = Pattern.compile("\\./realmctl ([^|>&;\\n]*)");

  @ParameterizedTest
  @ValueSource(strings = {"ci/github/realms.yml", "ci/gitlab/.gitlab-ci.yml"})
  void templateParsesAndItsCommandsExist(String template) throws IOException {
    String text = Files.readString(Path.of(template));
    Object parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    assertTrue(parsed instanceof Map<?, ?>, template + " is not a YAML mapping");

    List<String> commands = new ArrayList<>();
    Matcher matcher = REALMCTL.matcher(text);
    while (matcher.find()) {
      commands.add(matcher.group(1).trim());
    }
    assertFalse(commands.isEmpty(), "no realmctl command in " + template);
    for (String command : commands) {
      String[] args = command.split("\\s+");
      assertDoesNotThrow(
          () -> Realmctl.commandLine(Map.of()).parseArgs(args),
          () -> "`realmctl " + command + "` does not parse");
    }
    assertTrue(
        text.contains("mvn -B verify"), "the acceptance suite runs the README's test command");
  }

  /** Both templates test every supported Keycloak version, the list ci/matrix and realmctl use. */
  @ParameterizedTest
  @ValueSource(strings = {"ci/github/realms.yml", "ci/gitlab/.gitlab-ci.yml"})
  void templateMatrixIsTheSupportedVersions(String template) throws IOException {
    Map<?, ?> parsed =
        (Map<?, ?>)
            new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(Path.of(template)));
    Object versions =
        template.contains("github")
            ? path(parsed, "jobs", "acceptance", "strategy", "matrix", "keycloak")
            : ((Map<?, ?>) ((List<?>) path(parsed, "acceptance", "parallel", "matrix")).get(0))
                .get("KEYCLOAK_VERSION");
    List<String> expected =
        SupportedVersions.all().stream().map(KeycloakVersion::toString).toList();
    assertEquals(
        expected, versions, template + " tests other versions than ci/keycloak-versions.txt");
    assertTrue(
        Files.readString(Path.of(template))
            .matches(
                "(?s).*mvn -B verify -Dkeycloak.version=\\$\\{?\\{? ?(matrix.keycloak|KEYCLOAK_VERSION).*"),
        template + " passes the matrix version to the build");
  }

  private static Object path(Map<?, ?> map, String... keys) {
    Object value = map;
    for (String key : keys) {
      value = ((Map<?, ?>) value).get(key);
    }
    return value;
  }
}
