package dev.realmctl.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The pipeline templates parse, every realmctl command in them exists as written, and they hold
 * each credential only where it is needed.
 */
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
  }

  /**
   * The contract runs against the deployment after apply; the project's own multi-version suite
   * (mvn verify on every supported Keycloak) is not a team's business.
   */
  @ParameterizedTest
  @ValueSource(strings = {"ci/github/realms.yml", "ci/gitlab/.gitlab-ci.yml"})
  void theContractRunsAfterApplyAndTheProjectsSuiteStaysOut(String template) throws IOException {
    String text = Files.readString(Path.of(template));
    int apply = text.indexOf("./realmctl apply");
    int contract = text.indexOf("./realmctl test --report");
    assertTrue(apply >= 0 && contract > apply, template + " runs realmctl test after apply");
    assertFalse(text.contains("mvn -B verify"), template + " runs realmctl's own test suite");
    assertFalse(text.contains("keycloak-versions"), template + " carries a version matrix");
  }

  /**
   * Issue 16, item 12: untrusted code plans with a read-only login; only the default branch
   * applies.
   */
  @Test
  void githubPlansWithTheReadOnlyCredentialAndAppliesBehindAnEnvironment() throws IOException {
    Map<?, ?> parsed = parse("ci/github/realms.yml");
    Map<?, ?> topLevel = (Map<?, ?>) parsed.get("env");
    assertFalse(topLevel.containsKey("KEYCLOAK_CLIENT_SECRET"), "no job-wide admin credential");
    assertEquals(
        "${{ secrets.KEYCLOAK_PLAN_CLIENT_SECRET }}",
        path(parsed, "jobs", "plan", "env", "KEYCLOAK_CLIENT_SECRET"));
    assertEquals("keycloak", path(parsed, "jobs", "apply", "environment"));
    assertTrue(
        String.valueOf(path(parsed, "jobs", "apply", "if"))
            .contains("github.event.repository.default_branch"));
    List<?> steps = (List<?>) path(parsed, "jobs", "apply", "steps");
    long writers =
        steps.stream()
            .map(step -> (Map<?, ?>) step)
            .filter(
                step ->
                    step.get("env") instanceof Map<?, ?> env
                        && String.valueOf(env.get("KEYCLOAK_CLIENT_SECRET"))
                            .contains("secrets.KEYCLOAK_CLIENT_SECRET"))
            .count();
    assertEquals(1, writers, "only the apply step holds the credential that writes");
  }

  @Test
  void gitlabPlansWithTheReadOnlyCredentialAndAppliesBehindAnEnvironment() throws IOException {
    Map<?, ?> parsed = parse("ci/gitlab/.gitlab-ci.yml");
    assertEquals(
        "$KEYCLOAK_PLAN_CLIENT_SECRET",
        path(parsed, "plan", "variables", "KEYCLOAK_CLIENT_SECRET"));
    assertEquals(
        "$KEYCLOAK_PLAN_CLIENT_SECRET",
        path(parsed, "contract", "variables", "KEYCLOAK_CLIENT_SECRET"));
    assertEquals("keycloak", path(parsed, "apply", "environment"));
    assertEquals(
        "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH",
        ((Map<?, ?>) ((List<?>) path(parsed, "apply", "rules")).get(0)).get("if"));
  }

  private static Map<?, ?> parse(String template) throws IOException {
    return (Map<?, ?>)
        new Yaml(new SafeConstructor(new LoaderOptions()))
            .load(Files.readString(Path.of(template)));
  }

  private static Object path(Map<?, ?> map, String... keys) {
    Object value = map;
    for (String key : keys) {
      value = ((Map<?, ?>) value).get(key);
    }
    return value;
  }
}
