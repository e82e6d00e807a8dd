package dev.realmctl.local;

import dev.realmctl.resourceserver.ResourceServer;
import dev.realmctl.resourceserver.TokenVerifier;
import java.io.UncheckedIOException;
import java.time.Duration;

/** Cool Project's API, as in the tutorial {@code up} prints: it accepts tokens for apiserver. */
public final class SampleApi {
  private static final int TUTORIAL_PORT = 8000;

  private SampleApi() {}

  /** On port 8000 as in the tutorial, or a free port when 8000 is taken. */
  public static ResourceServer start(String issuerBase) {
    TokenVerifier verifier =
        new TokenVerifier(issuerBase + "/realms/coolproject", "apiserver", Duration.ofSeconds(30));
    try {
      return ResourceServer.start(verifier, "127.0.0.1", TUTORIAL_PORT);
    } catch (UncheckedIOException portTaken) {
      return ResourceServer.start(verifier, "127.0.0.1", 0);
    }
  }
}
