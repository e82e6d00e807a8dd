package dev.realmctl.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.plan.IdentityProviderPlanner.Live;
import dev.realmctl.spec.IdentityProviderMapperSpec;
import dev.realmctl.spec.IdentityProviderSpec;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.support.SpecFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IdentityProviderPlanner's pure steps: references, then the diff of providers and mappers. */
class IdentityProviderPlannerTest {
  private static final String SPEC =
      """
      realm: r
      identityProviders:
        - alias: corp
          providerId: oidc
          displayName: Corporate SSO
          config: {clientId: realmctl}
      identityProviderMappers:
        - name: dept
          identityProviderAlias: corp
          identityProviderMapper: hardcoded-attribute-idp-mapper
        - name: lost
          identityProviderAlias: elsewhere
          identityProviderMapper: hardcoded-attribute-idp-mapper
      """;

  @TempDir Path folder;

  private RealmSpec spec() throws IOException {
    return SpecFiles.load(folder, SPEC);
  }

  @Test
  void aMapperOfAProviderThatExistsNowhereAndAMissingTypeAreErrors() throws IOException {
    RealmSpec spec = spec();
    var providers =
        new ServerProviders(
            Optional.empty(),
            Optional.of(
                Map.of(
                    ServerProviders.IDENTITY_PROVIDER,
                    Set.of("saml"),
                    ServerProviders.IDENTITY_PROVIDER_MAPPER,
                    Set.of("hardcoded-attribute-idp-mapper"))));
    assertEquals(
        List.of(
            "this Keycloak has no identity provider type 'oidc' (is a plugin missing?)",
            "identity provider 'elsewhere' exists neither in the spec nor in realm 'r'"),
        IdentityProviderPlanner.references(spec, Map.of(), providers).stream()
            .map(p -> p.message())
            .toList());
    assertEquals(
        List.of(),
        IdentityProviderPlanner.references(
            spec, Map.of("elsewhere", new Live(Map.of(), Map.of())), ServerProviders.UNKNOWN));
  }

  @Test
  void aNewProviderIsCreatedWithItsConfigAndAnExistingOneCompared() throws IOException {
    IdentityProviderSpec corp = spec().of(IdentityProviderSpec.SECTION).get(0);
    Change create = IdentityProviderPlanner.diff("r", corp, Optional.empty()).changes().get(0);
    assertEquals(Action.CREATE, create.action());
    assertEquals("corp", create.after().get("alias"));
    assertEquals(Map.of("clientId", "realmctl"), create.after().get("config"));

    Live same = new Live(Map.copyOf(corp.fields()), Map.of());
    assertEquals(
        new Diff(List.of(), 1), IdentityProviderPlanner.diff("r", corp, Optional.of(same)));
    Map<String, Object> old = new java.util.HashMap<>(corp.fields());
    old.put("displayName", "Old");
    Live renamed = new Live(old, Map.of());
    Change update = IdentityProviderPlanner.diff("r", corp, Optional.of(renamed)).changes().get(0);
    assertEquals(Map.of("displayName", "Corporate SSO"), update.after());
  }

  @Test
  void aMapperIsCreatedUnderItsProvider() throws IOException {
    IdentityProviderMapperSpec dept = spec().of(IdentityProviderMapperSpec.SECTION).get(0);
    Change create = IdentityProviderPlanner.diff("r", dept, Optional.empty()).changes().get(0);
    assertEquals("identityProviders/corp/mappers/dept", create.id().path());
    assertEquals("corp", create.after().get("identityProviderAlias"));
    assertTrue(
        IdentityProviderPlanner.diff("r", dept, Optional.of(Map.copyOf(dept.fields())))
            .changes()
            .isEmpty());
  }
}
