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
import java.util.List;
import java.util.Map;
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

  private final World world;
  private final TokenSteps tokens;
  private Response introspection;
  private Response userinfo;

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
    HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    String authorize =
        world.issuer(realm)
            + "/protocol/openid-connect/auth?"
            + form(
                Map.of(
                    "response_type",
                    "code",
                    "client_id",
                    clientId,
                    "redirect_uri",
                    redirect,
                    "scope",
                    "openid",
                    "state",
                    random(),
                    "code_challenge",
                    challenge(verifier),
                    "code_challenge_method",
                    "S256"));
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

  @When("{string} refreshes the tokens in realm {string}")
  @Example("\"fastapi-keycloak\" refreshes the tokens in realm \"testing\"")
  public void refreshes(String clientId, String realm) {
    String refreshToken = world.tokenResponse.jsonPath().getString("refresh_token");
    var request =
        given()
            .formParam("grant_type", "refresh_token")
            .formParam("refresh_token", refreshToken)
            .formParam("client_id", clientId);
    world.clientSecret(realm, clientId).ifPresent(s -> request.formParam("client_secret", s));
    tokens.record(request.post(TokenRequests.endpoint(world.url(), world.realm(realm))));
  }

  @When("{string} introspects the access token in realm {string}")
  @Example("\"fastapi-keycloak\" introspects the access token in realm \"testing\"")
  public void introspects(String clientId, String realm) {
    var request = given().formParam("token", world.token()).formParam("client_id", clientId);
    world.clientSecret(realm, clientId).ifPresent(s -> request.formParam("client_secret", s));
    introspection = request.post(world.issuer(realm) + "/protocol/openid-connect/token/introspect");
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
