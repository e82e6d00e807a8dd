package dev.realmctl.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.realmctl.spec.RealmSpec;
import dev.realmctl.support.LiveRealms;
import dev.realmctl.support.SpecFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FederatedIdentityPlanner: a user declaring links has exactly those, a changed link is removed and
 * made again (Keycloak cannot change one), and each names a provider that exists.
 */
class FederatedIdentityPlannerTest {
  private static final String SPEC =
      """
      realm: r
      users:
        - username: ann
          federatedIdentities:
            - {identityProvider: corp, userId: "42", userName: ann@corp}
        - username: bob
      """;

  private static final Map<String, Object> ANN_AT_CORP =
      Map.of("identityProvider", "corp", "userId", "42", "userName", "ann@corp");

  @TempDir Path folder;

  private RealmSpec spec(String yaml) throws IOException {
    return SpecFiles.load(folder, yaml);
  }

  /** A realm with provider {@code corp} and these links, by username then provider. */
  private static LiveRealm realmWith(Map<String, Map<String, Map<String, Object>>> links) {
    return LiveRealms.realm("r")
        .part(
            IdentityProviderPlanner.LIVE,
            Map.of("corp", new IdentityProviderPlanner.Live(Map.of("alias", "corp"), Map.of())))
        .part(FederatedIdentityPlanner.LIVE, links)
        .build();
  }

  @Test
  void anAbsentLinkIsCreated() throws IOException {
    PlannerRun run = PlannerRun.of(new FederatedIdentityPlanner(), spec(SPEC), realmWith(Map.of()));
    assertEquals(List.of("+ users/ann/federatedIdentities/corp"), run.paths());
    assertEquals(ANN_AT_CORP, run.changes().get(0).after());
  }

  @Test
  void aLinkAsDeclaredPlansNothingAndAUserDeclaringNoLinksKeepsItsOwn() throws IOException {
    var live =
        realmWith(
            Map.of(
                "ann", Map.of("corp", ANN_AT_CORP),
                "bob", Map.of("corp", Map.of("identityProvider", "corp", "userId", "7"))));
    assertEquals(
        new PlannerRun(List.of(), 1, List.of()),
        PlannerRun.of(new FederatedIdentityPlanner(), spec(SPEC), live));
  }

  @Test
  void aChangedLinkIsRemovedThenMadeAgain() throws IOException {
    Map<String, Object> other =
        Map.of("identityProvider", "corp", "userId", "41", "userName", "ann@corp");
    PlannerRun run =
        PlannerRun.of(
            new FederatedIdentityPlanner(),
            spec(SPEC),
            realmWith(Map.of("ann", Map.of("corp", other))));
    assertEquals(
        List.of("- users/ann/federatedIdentities/corp", "+ users/ann/federatedIdentities/corp"),
        run.paths());
    assertEquals(other, run.changes().get(0).before());
    assertEquals(ANN_AT_CORP, run.changes().get(1).after());
  }

  @Test
  void anUndeclaredLinkOfAUserDeclaringLinksIsRemoved() throws IOException {
    Map<String, Object> social =
        Map.of("identityProvider", "github", "userId", "9", "userName", "ann");
    PlannerRun run =
        PlannerRun.of(
            new FederatedIdentityPlanner(),
            spec(SPEC),
            realmWith(Map.of("ann", Map.of("corp", ANN_AT_CORP, "github", social))));
    assertEquals(List.of("- users/ann/federatedIdentities/github"), run.paths());
    assertEquals(1, run.unchanged());
  }

  @Test
  void aProviderNamedNowhereIsReportedAtItsLineAndOneTheSpecDeclaresIsFine() throws IOException {
    PlannerRun run =
        PlannerRun.of(new FederatedIdentityPlanner(), spec(SPEC), LiveRealms.realm("r").build());
    assertEquals(
        List.of("5:10: identity provider 'corp' exists neither in the spec nor in realm 'r'"),
        run.problems());

    String declared =
        SPEC
            + """
            identityProviders:
              - {alias: corp, providerId: oidc}
            """;
    assertEquals(
        List.of(),
        PlannerRun.of(new FederatedIdentityPlanner(), spec(declared), LiveRealms.realm("r").build())
            .problems());
  }
}
