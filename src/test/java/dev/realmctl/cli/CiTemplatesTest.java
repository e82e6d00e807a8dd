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
  private static final Pattern REALMCTL = Pattern.compile("java -jar realmctl\\.jar ([^|>&;\\n]*)");
  private static final String FETCH =
      "curl -fsSLo realmctl.jar"
          + " \"$REALMCTL_RELEASES/v$REALMCTL_VERSION/realmctl-$REALMCTL_VERSION.jar\""
          + " && echo \"$REALMCTL_SHA256  realmctl.jar\" | sha256sum -c -";

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
    int apply = text.indexOf("java -jar realmctl.jar apply");
    int contract = text.indexOf("java -jar realmctl.jar test --report");
    assertTrue(apply >= 0 && contract > apply, template + " runs realmctl test after apply");
    assertFalse(text.contains("mvn -B verify"), template + " runs realmctl's own test suite");
    assertFalse(text.contains("keycloak-versions"), template + " carries a version matrix");
  }

  /**
   * Issue 20: a team's repository is not a copy of this one. The jobs run a released realmctl of a
   * pinned version, fetched and checked against a pinned SHA-256 before any command runs, and never
   * build realmctl.
   */
  @ParameterizedTest
  @ValueSource(strings = {"ci/github/realms.yml", "ci/gitlab/.gitlab-ci.yml"})
  void jobsRunAPinnedReleaseCheckedAgainstItsChecksum(String template) throws IOException {
    String text = Files.readString(Path.of(template));
    assertFalse(text.contains("./realmctl"), template + " builds realmctl from source");
    assertFalse(text.contains("mvn "), template + " runs Maven");
    assertTrue(
        Pattern.compile("REALMCTL_VERSION: \"\\d+\\.\\d+\\.\\d+\"").matcher(text).find(),
        template + " pins a released version");
    assertTrue(
        Pattern.compile("REALMCTL_SHA256: \"[0-9a-f]{64}\"").matcher(text).find(),
        template + " pins the release's SHA-256");
    int fetch = text.indexOf(FETCH);
    assertTrue(fetch >= 0, template + " fetches and checks realmctl with: " + FETCH);
    Matcher first = REALMCTL.matcher(text);
    assertTrue(first.find() && first.start() > fetch, "realmctl runs after it is checked");
  }

  @Test
  void everyGithubJobFetchesRealmctlBeforeRunningIt() throws IOException {
    Map<?, ?> jobs = (Map<?, ?>) parse("ci/github/realms.yml").get("jobs");
    for (Object name : jobs.keySet()) {
      List<String> runs =
          ((List<?>) path(jobs, String.valueOf(name), "steps"))
              .stream().map(step -> String.valueOf(((Map<?, ?>) step).get("run"))).toList();
      int fetch = runs.indexOf(FETCH);
      int first =
          runs.stream()
              .filter(r -> r.contains("java -jar realmctl.jar"))
              .findFirst()
              .map(runs::indexOf)
              .orElse(-1);
      assertTrue(fetch >= 0 && first > fetch, name + ": fetch and check realmctl before it runs");
    }
  }

  @Test
  void everyGitlabJobFetchesRealmctlFirst() throws IOException {
    assertEquals(
        List.of(FETCH), path(parse("ci/gitlab/.gitlab-ci.yml"), "default", "before_script"));
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
