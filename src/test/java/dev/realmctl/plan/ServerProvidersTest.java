package dev.realmctl.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.SpecException;
import dev.realmctl.version.VersionBehaviour;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every provider a spec names is checked against the server's list before anything is written. */
class ServerProvidersTest {
  @TempDir Path folder;

  private static final ServerProviders SERVER =
      new ServerProviders(
          Optional.empty(),
          Optional.of(
              Map.of(
                  ServerProviders.AUTHENTICATOR,
                  Set.of("direct-grant-validate-username", "direct-grant-validate-password"),
                  ServerProviders.IDENTITY_PROVIDER,
                  Set.of("oidc", "saml"),
                  ServerProviders.IDENTITY_PROVIDER_MAPPER,
                  Set.of("hardcoded-attribute-idp-mapper"),
                  ServerProviders.protocolMapper("openid-connect"),
                  Set.of("oidc-audience-mapper"))));

  private static final String SPEC =
      """
      realm: r
      clientScopes:
        - name: audience
          protocolMappers:
            - name: aud
              protocolMapper: %s
      identityProviders:
        - alias: corp
          providerId: %s
      identityProviderMappers:
        - name: dept
          identityProviderAlias: corp
          identityProviderMapper: hardcoded-attribute-idp-mapper
      authenticationFlows:
        - alias: gate
          authenticationExecutions:
            - authenticator: direct-grant-validate-username
              requirement: REQUIRED
            - authenticator: %s
              requirement: REQUIRED
      """;

  @Test
  void whatTheServerHasPlans() throws IOException {
    RealmSpec spec =
        spec(SPEC.formatted("oidc-audience-mapper", "oidc", "direct-grant-validate-password"));
    assertTrue(plan(spec, SERVER).changes().size() > 0);
  }

  @Test
  void whatTheServerLacksIsRefusedAtItsLineBeforeAnyWrite() throws IOException {
    RealmSpec spec = spec(SPEC.formatted("acme-mapper", "acme-sso", "acme-authenticator"));
    var error = assertThrows(SpecException.class, () -> plan(spec, SERVER));
    assertEquals(
        List.of(
            "6:25: this Keycloak has no openid-connect protocol mapper 'acme-mapper' (is a plugin"
                + " missing?)",
            "9:17: this Keycloak has no identity provider type 'acme-sso' (is a plugin missing?)",
            "19:24: this Keycloak has no authenticator 'acme-authenticator' (is a plugin missing?)"),
        error.problems().stream()
            .map(p -> p.location().line() + ":" + p.location().column() + ": " + p.message())
            .toList());
  }

  @Test
  void aServerThatDoesNotSayRefusesNothingEarly() throws IOException {
    RealmSpec spec = spec(SPEC.formatted("acme-mapper", "acme-sso", "acme-authenticator"));
    assertTrue(plan(spec, ServerProviders.UNKNOWN).changes().size() > 0);
  }

  private static Plan plan(RealmSpec spec, ServerProviders providers) {
    return new Planner()
        .plan(List.of(spec), new LiveState(Map.of(), VersionBehaviour.newestTested(), providers));
  }

  private RealmSpec spec(String yaml) throws IOException {
    return dev.realmctl.support.SpecFiles.load(folder, yaml);
  }
}
