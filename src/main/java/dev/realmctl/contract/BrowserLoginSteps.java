package dev.realmctl.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How people log in today: the authorization code flow with PKCE through Keycloak's real login
 * page, posted as a browser posts it (cookies kept, redirects read, no browser), then what an
 * application does with the tokens: refresh, introspection, userinfo.
 */
public class BrowserLoginSteps {
  private static final Pattern LOGIN_FORM =
      Pattern.compile("action=\"([^\"]*login-actions/authenticate[^\"]*)\"");
  private static final Pattern CODE = Pattern.compile("[?&]code=([^&#]+)");
  private static final Pattern ERROR = Pattern.compile("[?&]error=([^&#]+)");

  private final World world;
  private final TokenSteps tokens;
  private Response introspection;
  private Response userinfo;
  private Optional<String> loginRefusal = Optional.empty();
  private String loginAnswer = "no login was started";

  public BrowserLoginSteps(World world, TokenSteps tokens) {
    this.world = world;
    this.tokens = tokens;
  }

  /** The client's first redirect URI in its spec, a wildcard made a concrete path. */
  private String redirectUri(String realm, String clientId) {
    Object uris = RealmCatalog.client(world.spec(realm), clientId).fields().get("redirectUris");
    if (uris instanceof List<?> list && !list.isEmpty()) {
      return String.valueOf(list.get(0)).replaceFirst("\\*$", "callback");
    }
    throw new AssertionError("the spec of client '" + clientId + "' names no redirectUris");
  }

  @When("{string} logs in through the login page of {string} in realm {string}")
  @Example("\"alice\" logs in through the login page of \"fastapi-keycloak\" in realm \"testing\"")
  public void logsInThroughTheLoginPage(String username, String clientId, String realm)
      throws IOException, InterruptedException {
    String verifier = random();
    String redirect = redirectUri(realm, clientId);
    HttpClient browser = browser();
    String authorize = authorizeUrl(realm, clientId, redirect, Optional.of(challenge(verifier)));
    HttpResponse<String> page =
        browser.send(
            HttpRequest.newBuilder(URI.create(authorize)).build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher form = LOGIN_FORM.matcher(page.body());
    if (page.statusCode() != 200 || !form.find()) {
      throw new AssertionError(
          "Keycloak showed no login page (" + page.statusCode() + "): " + page.body());
    }
    HttpResponse<String> submitted =
        browser.send(
            HttpRequest.newBuilder(URI.create(form.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookies(page))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        form(
                            Map.of(
                                "username",
                                username,
                                "password",
                                world.password(realm, username),
                                "credentialId",
                                ""))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String location = submitted.headers().firstValue("Location").orElse("");
    Matcher code = CODE.matcher(location);
    if (submitted.statusCode() != 302 || !location.startsWith(redirect) || !code.find()) {
      throw new AssertionError(
          "the login page did not send "
              + username
              + " back to the application with a code ("
              + submitted.statusCode()
              + (location.isEmpty() ? "" : ", to " + location)
              + "): "
              + pageText(submitted.body()));
    }
    var exchange =
        given()
            .formParam("grant_type", "authorization_code")
            .formParam("code", java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8))
            .formParam("redirect_uri", redirect)
            .formParam("code_verifier", verifier)
            .formParam("client_id", clientId);
    world.clientSecret(realm, clientId).ifPresent(s -> exchange.formParam("client_secret", s));
    tokens.record(exchange.post(TokenRequests.endpoint(world.url(), world.realm(realm))));
  }

  /**
   * The authorization request an application sends its user's browser with, without the PKCE
   * challenge: a client that requires PKCE refuses it, sending the browser back with an error.
   */
  @When("{string} sends a user to the login page of realm {string} without a PKCE challenge")
  @Example(
      "\"portal-app\" sends a user to the login page of realm \"portal\" without a PKCE challenge")
  public void withoutPkce(String clientId, String realm) throws IOException, InterruptedException {
    String redirect = redirectUri(realm, clientId);
    HttpResponse<String> answer =
        browser()
            .send(
                HttpRequest.newBuilder(
                        URI.create(authorizeUrl(realm, clientId, redirect, Optional.empty())))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    String location = answer.headers().firstValue("Location").orElse("");
    Matcher error = ERROR.matcher(location);
    loginRefusal =
        answer.statusCode() == 302 && location.startsWith(redirect) && error.find()
            ? Optional.of(error.group(1))
            : Optional.empty();
    loginAnswer =
        answer.statusCode() + " " + (location.isEmpty() ? pageText(answer.body()) : location);
  }

  @Then("the login is refused with {string}")
  @Example("the login is refused with \"invalid_request\"")
  public void loginRefused(String error) {
    assertEquals(
        Optional.of(error),
        loginRefusal,
        "Keycloak did not send the browser back with error=" + error + ": " + loginAnswer);
  }

  @When("{string} refreshes the tokens in realm {string}")
  @Example("\"fastapi-keycloak\" refreshes the tokens in realm \"testing\"")
  public void refreshes(String clientId, String realm) {
    tokens.record(
        world
            .asClient(realm, clientId)
            .formParam("grant_type", "refresh_token")
            .formParam("refresh_token", world.refreshToken())
            .post(TokenRequests.endpoint(world.url(), world.realm(realm))));
  }

  @When("{string} introspects the access token in realm {string}")
  @Example("\"fastapi-keycloak\" introspects the access token in realm \"testing\"")
  public void introspects(String clientId, String realm) {
    introspection =
        world
            .asClient(realm, clientId)
            .formParam("token", world.token())
            .post(world.issuer(realm) + "/protocol/openid-connect/token/introspect");
  }

  @Then("the introspection says the token is active")
  @Example("the introspection says the token is active")
  public void active() {
    assertEquals(200, introspection.statusCode(), introspection.asString());
    assertEquals(true, introspection.jsonPath().getBoolean("active"), introspection.asString());
  }

  @Then("the introspection says the token is not active")
  @Example("the introspection says the token is not active")
  public void notActive() {
    assertEquals(200, introspection.statusCode(), introspection.asString());
    assertEquals(false, introspection.jsonPath().getBoolean("active"), introspection.asString());
  }

  @When("the access token is sent to the userinfo endpoint of realm {string}")
  @Example("the access token is sent to the userinfo endpoint of realm \"testing\"")
  public void userinfo(String realm) {
    userinfo =
        given()
            .auth()
            .oauth2(world.token())
            .get(world.issuer(realm) + "/protocol/openid-connect/userinfo");
  }

  @Then("userinfo says {string} is {string}")
  @Example("userinfo says \"preferred_username\" is \"alice\"")
  public void userinfoSays(String claim, String value) {
    assertEquals(200, userinfo.statusCode(), userinfo.asString());
    assertEquals(value, userinfo.jsonPath().getString(claim), userinfo.asString());
  }

  private String authorizeUrl(
      String realm, String clientId, String redirect, Optional<String> challenge) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("response_type", "code");
    query.put("client_id", clientId);
    query.put("redirect_uri", redirect);
    query.put("scope", "openid");
    query.put("state", random());
    challenge.ifPresent(
        c -> {
          query.put("code_challenge", c);
          query.put("code_challenge_method", "S256");
        });
    return world.issuer(realm) + "/protocol/openid-connect/auth?" + form(query);
  }

  private static HttpClient browser() {
    return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /**
   * The cookies the login page set, sent back as a browser does. Keycloak marks them Secure even
   * over http, and browsers send those to localhost while java.net's cookie handler does not.
   */
  private static String cookies(HttpResponse<?> page) {
    return page.headers().allValues("Set-Cookie").stream()
        .map(cookie -> cookie.split(";", 2)[0])
        .collect(Collectors.joining("; "));
  }

  /** What a page says, without its markup: Keycloak's reason for showing it. */
  private static String pageText(String html) {
    Matcher message =
        Pattern.compile("(?s)<title>(.*?)</title>.*?kc-feedback-text\"?>?(.*?)<").matcher(html);
    String text = html.replaceAll("(?s)<script.*?</script>|<style.*?</style>|<[^>]+>", " ");
    text = text.replaceAll("\\s+", " ").strip();
    return message.find()
        ? message.group(2).strip()
        : text.substring(0, Math.min(300, text.length()));
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static String random() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String challenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
