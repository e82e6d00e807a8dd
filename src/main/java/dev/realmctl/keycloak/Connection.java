package dev.realmctl.keycloak;

import dev.realmctl.version.KeycloakVersion;
import dev.realmctl.version.VersionBehaviour;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.resteasy.client.jaxrs.ResteasyClientBuilder;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;

/**
 * An authenticated admin session, counting every request it sends (token requests included) so
 * benchmarks and tests can report what a plan or apply cost.
 */
public final class Connection implements AutoCloseable {
  private final Keycloak keycloak;
  private final jakarta.ws.rs.client.Client http;
  private final RequestCounter counter;
  private final String serverUrl;
  private final Retry retry;
  private final Settings settings;
  private Optional<KeycloakVersion> serverVersion;
  private dev.realmctl.plan.ServerProviders providers = dev.realmctl.plan.ServerProviders.UNKNOWN;

  private Connection(
      Keycloak keycloak,
      jakarta.ws.rs.client.Client http,
      RequestCounter counter,
      Settings settings,
      Retry retry) {
    this.keycloak = keycloak;
    this.http = http;
    this.counter = counter;
    this.serverUrl = settings.serverUrl();
    this.settings = settings;
    this.retry = retry;
  }

  /** How realmctl logs in, the same variables as the Terraform provider for Keycloak. */
  public record Settings(
      String serverUrl,
      String realm,
      String clientId,
      Optional<String> username,
      Optional<String> password,
      Optional<String> clientSecret,
      Duration retryBudget) {

    public static final Duration DEFAULT_RETRY_BUDGET = Duration.ofSeconds(60);

    public static Settings password(String serverUrl, String username, String password) {
      return new Settings(
          serverUrl,
          "master",
          "admin-cli",
          Optional.of(username),
          Optional.of(password),
          Optional.empty(),
          DEFAULT_RETRY_BUDGET);
    }

    /** The same login at another node of the same cluster. */
    public Settings withServerUrl(String url) {
      return new Settings(url, realm, clientId, username, password, clientSecret, retryBudget);
    }

    public Settings withRetryBudget(Duration budget) {
      return new Settings(serverUrl, realm, clientId, username, password, clientSecret, budget);
    }

    @Override
    public String toString() {
      return "Settings[" + serverUrl + ", realm=" + realm + ", clientId=" + clientId + "]";
    }
  }

  public static Connection open(Settings settings) {
    return open(settings, notice -> {});
  }

  /**
   * A session whose first retried failure is told to {@code notices} at once: that the server
   * cannot be reached, and for how long realmctl keeps trying.
   */
  public static Connection open(Settings settings, java.util.function.Consumer<String> notices) {
    Retry retry =
        new Retry(
            settings.retryBudget(),
            failure ->
                notices.accept(
                    "Keycloak at "
                        + settings.serverUrl()
                        + " cannot be reached ("
                        + Retry.reason(failure)
                        + "); retrying for up to "
                        + settings.retryBudget().toSeconds()
                        + " s"));
    RequestCounter counter = new RequestCounter();
    var http =
        ((ResteasyClientBuilder) ResteasyClientBuilder.newBuilder())
            .connectionPoolSize(8)
            .connectTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
            .readTimeout(120, java.util.concurrent.TimeUnit.SECONDS)
            .register(counter)
            .register(new LenientJson())
            .build();
    KeycloakBuilder builder =
        KeycloakBuilder.builder()
            .serverUrl(settings.serverUrl())
            .realm(settings.realm())
            .clientId(settings.clientId())
            .resteasyClient(http);
    if (settings.clientSecret().isPresent()) {
      builder
          .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
          .clientSecret(settings.clientSecret().get());
    } else {
      builder
          .grantType(OAuth2Constants.PASSWORD)
          .username(settings.username().orElse(""))
          .password(settings.password().orElse(""));
    }
    return new Connection(builder.build(), http, counter, settings, retry);
  }

  /**
   * Logs in now (the token is kept for the requests that follow, so this costs no extra request),
   * and says in words why not: credentials refused, no such realm, or no server within the retry
   * budget.
   */
  public void login() {
    try {
      retry.run(() -> keycloak.tokenManager().getAccessToken());
    } catch (RuntimeException e) {
      throw LoginFailure.of(e, settings, retry.budget());
    }
  }

  Keycloak keycloak() {
    return keycloak;
  }

  /**
   * The server's version, {@code systemInfo.version} of {@code GET /admin/serverinfo}: one request,
   * sent once per connection, retried like any read. Empty when the server does not say (a login
   * without the right to see system info is answered without it, or refused).
   */
  public synchronized Optional<KeycloakVersion> serverVersion() {
    if (serverVersion == null) {
      serverVersion = retry.call(this::readServerVersion);
    }
    return serverVersion;
  }

  /**
   * The installed providers, from the same serverinfo answer as the version: no request of its own.
   * Unknown when the server does not say.
   */
  public synchronized dev.realmctl.plan.ServerProviders providers() {
    serverVersion();
    return providers;
  }

  /** The version read so far, without sending a request: for the cost line. */
  public synchronized Optional<KeycloakVersion> serverVersionIfRead() {
    return serverVersion == null ? Optional.empty() : serverVersion;
  }

  /** How the server's version behaves; the newest tested when the server does not say. */
  public VersionBehaviour behaviour() {
    return serverVersion().map(VersionBehaviour::of).orElseGet(VersionBehaviour::newestTested);
  }

  /**
   * Read as a JSON tree rather than the admin client's ServerInfoRepresentation: a newer server's
   * provider list may hold values (an enum constant, say) that class cannot take.
   */
  private Optional<KeycloakVersion> readServerVersion() {
    try (var response =
        http.target(serverUrl.replaceAll("/+$", "") + "/admin/serverinfo")
            .request(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
            .header("Authorization", "Bearer " + keycloak.tokenManager().getAccessTokenString())
            .get()) {
      if (response.getStatus() >= 500) {
        throw new jakarta.ws.rs.ServiceUnavailableException(
            response.getStatus() + " from serverinfo");
      }
      if (response.getStatus() != 200) {
        return Optional.empty();
      }
      var tree = Json.MAPPER.readTree(response.readEntity(String.class));
      providers = providersOf(tree);
      return KeycloakVersion.parse(tree.path("systemInfo").path("version").asText(null));
    } catch (java.io.IOException unreadable) {
      return Optional.empty();
    }
  }

  /** Component config properties the server marks secret (or of its Password type). */
  private static java.util.Set<String> secretConfigKeys(
      com.fasterxml.jackson.databind.JsonNode info) {
    var keys = new java.util.HashSet<String>();
    info.path("componentTypes")
        .forEach(
            providers ->
                providers.forEach(
                    provider ->
                        provider
                            .path("properties")
                            .forEach(
                                property -> {
                                  if (property.path("secret").asBoolean(false)
                                      || "Password".equals(property.path("type").asText())) {
                                    keys.add(property.path("name").asText());
                                  }
                                })));
    return keys;
  }

  /** Serverinfo's provider lists, by component type and by SPI (see {@link ServerProviders}). */
  private static dev.realmctl.plan.ServerProviders providersOf(
      com.fasterxml.jackson.databind.JsonNode info) {
    var types = new java.util.HashMap<String, java.util.Set<String>>();
    info.path("componentTypes")
        .fields()
        .forEachRemaining(
            type -> {
              var ids = new java.util.HashSet<String>();
              type.getValue().forEach(provider -> ids.add(provider.path("id").asText()));
              types.put(type.getKey(), ids);
            });
    var spis = new java.util.HashMap<String, java.util.Set<String>>();
    var steps = new java.util.HashSet<String>();
    for (String spi :
        List.of("authenticator", "form-authenticator", "form-action", "client-authenticator")) {
      info.path("providers").path(spi).path("providers").fieldNames().forEachRemaining(steps::add);
    }
    spis.put(dev.realmctl.plan.ServerProviders.AUTHENTICATOR, steps);
    var identityProviders = new java.util.HashSet<String>();
    for (String list : List.of("identityProviders", "socialProviders")) {
      info.path(list).forEach(provider -> identityProviders.add(provider.path("id").asText()));
    }
    spis.put(dev.realmctl.plan.ServerProviders.IDENTITY_PROVIDER, identityProviders);
    var idpMappers = new java.util.HashSet<String>();
    info.path("providers")
        .path("identity-provider-mapper")
        .path("providers")
        .fieldNames()
        .forEachRemaining(idpMappers::add);
    spis.put(dev.realmctl.plan.ServerProviders.IDENTITY_PROVIDER_MAPPER, idpMappers);
    info.path("protocolMapperTypes")
        .fields()
        .forEachRemaining(
            protocol -> {
              var ids = new java.util.HashSet<String>();
              protocol.getValue().forEach(mapper -> ids.add(mapper.path("id").asText()));
              spis.put(dev.realmctl.plan.ServerProviders.protocolMapper(protocol.getKey()), ids);
            });
    // A list the server left empty says nothing: keep it out rather than refuse everything.
    spis.values().removeIf(java.util.Set::isEmpty);
    return new dev.realmctl.plan.ServerProviders(
        types.isEmpty() ? Optional.empty() : Optional.of(types),
        spis.isEmpty() ? Optional.empty() : Optional.of(spis),
        secretConfigKeys(info));
  }

  Retry retry() {
    return retry;
  }

  public String serverUrl() {
    return serverUrl;
  }

  public RequestCounter requests() {
    return counter;
  }

  @Override
  public void close() {
    keycloak.close();
  }

  /**
   * The server may be newer than the admin client and send fields its representations lack; those
   * are ignored rather than failing the read.
   */
  @jakarta.ws.rs.ext.Provider
  static final class LenientJson
      implements jakarta.ws.rs.ext.ContextResolver<com.fasterxml.jackson.databind.ObjectMapper> {
    @Override
    public com.fasterxml.jackson.databind.ObjectMapper getContext(Class<?> type) {
      return Json.MAPPER;
    }
  }

  /** Counts requests by method; reads and writes are reported apart. */
  public static final class RequestCounter implements ClientRequestFilter {
    // Paths only: queries may name users, and nothing of a body is ever printed.
    private static final boolean TRACE = Boolean.getBoolean("realmctl.traceRequests");
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger writes = new AtomicInteger();

    @Override
    public void filter(ClientRequestContext request) {
      URI uri = request.getUri();
      boolean tokenRequest = uri.getPath().endsWith("/protocol/openid-connect/token");
      // A POST that changes nothing: the flows are read through the partial export.
      boolean export = uri.getPath().endsWith("/partial-export");
      if (TRACE) {
        System.err.println("request: " + request.getMethod() + " " + uri.getPath());
      }
      if (request.getMethod().equals("GET") || tokenRequest || export) {
        reads.incrementAndGet();
      } else {
        writes.incrementAndGet();
      }
    }

    public int reads() {
      return reads.get();
    }

    public int writes() {
      return writes.get();
    }

    public int total() {
      return reads() + writes();
    }

    public void reset() {
      reads.set(0);
      writes.set(0);
    }
  }
}
