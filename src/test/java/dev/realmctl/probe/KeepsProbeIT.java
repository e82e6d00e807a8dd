package dev.realmctl.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.realmctl.support.TestKeycloak;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The probe on a few fields of identity providers and protocol mappers, against the test server:
 * facts the issue measured by hand come out of it (Keycloak 24 to 26.7 alike).
 */
class KeepsProbeIT {
  private static ProbeKind kind(String name) {
    return ProbeKinds.all().stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void anIdentityProvidersFirstLoginModeIsDroppedAndItsDisplayNameKept() {
    TestKeycloak server = TestKeycloak.get();
    KeepsProbe probe =
        new KeepsProbe(new AdminHttp(server.url(), server.adminUser(), server.adminPassword()));
    var findings =
        probe.probe(
            kind("identityProviders"),
            Set.of("updateProfileFirstLoginMode", "displayName", "trustEmail")::contains);
    assertEquals("IdentityProviderRepresentation", findings.representation());
    assertEquals(Verdicts.DROPPED, findings.fields().get("updateProfileFirstLoginMode").category());
    assertEquals(Verdicts.KEPT, findings.fields().get("displayName").category());
    assertEquals(Verdicts.KEPT, findings.fields().get("trustEmail").category());
  }

  @Test
  void aProtocolMappersConsentIsDropped() {
    TestKeycloak server = TestKeycloak.get();
    KeepsProbe probe =
        new KeepsProbe(new AdminHttp(server.url(), server.adminUser(), server.adminPassword()));
    var findings =
        probe.probe(kind("protocolMappers"), Set.of("consentRequired", "consentText")::contains);
    assertEquals(Verdicts.DROPPED, findings.fields().get("consentRequired").category());
    assertEquals(Verdicts.DROPPED, findings.fields().get("consentText").category());
  }
}
