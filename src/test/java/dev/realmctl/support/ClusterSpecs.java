package dev.realmctl.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Spec files the cluster tests write, the secrets they use, and the figures they report. */
public final class ClusterSpecs {
  private static final Path DIR = Path.of("target/it-cluster/specs");
  private static final Path FIGURES = Path.of("target/it-cluster/figures.txt");

  private ClusterSpecs() {}

  /** A fresh secret, known to the leak scan. */
  public static String secret() {
    String secret = "c-" + UUID.randomUUID();
    LeakScanInput.record(List.of(secret));
    return secret;
  }

  public static Path write(String name, String yaml) {
    try {
      Files.createDirectories(DIR);
      return Files.writeString(DIR.resolve(name + ".yaml"), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A scope that puts {@code audience} into access tokens' aud. */
  public static String audienceScope(String name, String audience) {
    return """
          - name: %s
            protocol: openid-connect
            attributes: {include.in.token.scope: "false", display.on.consent.screen: "false"}
            protocolMappers:
              - name: %s-audience
                protocol: openid-connect
                protocolMapper: oidc-audience-mapper
                config: {included.custom.audience: %s, access.token.claim: "true", id.token.claim: "false"}
        """
        .formatted(name, name, audience);
  }

  /** A confidential client with client credentials and the password grant. */
  public static String client(String clientId, String secret, Collection<String> defaultScopes) {
    return """
          - clientId: %s
            publicClient: false
            secret: %s
            serviceAccountsEnabled: true
            standardFlowEnabled: false
            directAccessGrantsEnabled: true
            fullScopeAllowed: false
            defaultClientScopes: [%s]
        """
        .formatted(clientId, secret, String.join(", ", defaultScopes));
  }

  /** A user the password grant accepts under Keycloak's default user profile. */
  public static String user(String username, String password) {
    return """
          - username: %s
            email: %s@example.com
            firstName: Test
            lastName: User
            enabled: true
            credentials: [{type: password, value: "%s", temporary: false}]
        """
        .formatted(username, username, password);
  }

  /** A figure for the README, on stdout and in target/it-cluster/figures.txt. */
  public static synchronized void figure(String line) {
    System.out.println("FIGURE " + line);
    try {
      Files.createDirectories(FIGURES.getParent());
      Files.writeString(
          FIGURES,
          line + System.lineSeparator(),
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
