package dev.realmctl.keycloak;

import java.time.Duration;
import java.util.Optional;

/** Why {@link Connection#login()} failed, in words that name the server, realm, user or client. */
public final class LoginFailure extends RuntimeException {
  /** What went wrong, so the command line can say what to check. */
  public enum Reason {
    CREDENTIALS_REFUSED,
    NO_SUCH_REALM,
    UNREACHABLE,
    OTHER
  }

  private final Reason reason;

  private LoginFailure(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  static LoginFailure of(RuntimeException e, Connection.Settings settings, Duration budget) {
    String who =
        settings.clientSecret().isPresent()
            ? "client '" + settings.clientId() + "'"
            : "user '"
                + settings.username().orElse("")
                + "' (client '"
                + settings.clientId()
                + "')";
    String where = " in realm '" + settings.realm() + "' at " + settings.serverUrl();
    int status = status(e);
    if (status == 400 || status == 401) {
      return new LoginFailure(
          Reason.CREDENTIALS_REFUSED,
          "Keycloak refused the credentials of "
              + who
              + where
              + " (HTTP "
              + status
              + keycloakSays(e).map(says -> ": " + says).orElse("")
              + ")",
          e);
    }
    if (status == 404) {
      return new LoginFailure(
          Reason.NO_SUCH_REALM,
          "no realm '"
              + settings.realm()
              + "' to log in to at "
              + settings.serverUrl()
              + " (HTTP 404)",
          e);
    }
    if (Retry.isTransient(e)) {
      return new LoginFailure(
          Reason.UNREACHABLE,
          "Keycloak at "
              + settings.serverUrl()
              + " cannot be reached ("
              + Retry.reason(e)
              + "); gave up after "
              + budget.toSeconds()
              + " s",
          e);
    }
    return new LoginFailure(
        Reason.OTHER, "logging in as " + who + where + " failed: " + Retry.reason(e), e);
  }

  /** The token endpoint's error_description ("Invalid user credentials"), when it is readable. */
  private static Optional<String> keycloakSays(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof jakarta.ws.rs.WebApplicationException web && web.getResponse() != null) {
        try {
          String body = web.getResponse().readEntity(String.class);
          String description = Json.MAPPER.readTree(body).path("error_description").asText("");
          return description.isBlank() ? Optional.empty() : Optional.of(description);
        } catch (RuntimeException | java.io.IOException unreadable) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private static int status(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof jakarta.ws.rs.WebApplicationException web && web.getResponse() != null) {
        return web.getResponse().getStatus();
      }
    }
    return 0;
  }
}
