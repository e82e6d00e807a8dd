package dev.realmctl.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.realmctl.support.Admin;
import dev.realmctl.support.TestKeycloak;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;

/**
 * Captures the provider and config metadata the JSON Schema takes its descriptions and value sets
 * from ({@code realmctl schema} runs offline), from the server under test, and checks the committed
 * copy is what a server of that version says. With {@code -Drealmctl.metadata.write=true} it
 * rewrites the copy instead.
 */
class ServerMetadataIT {
  static final Path RESOURCE =
      Path.of("src/main/resources/dev/realmctl/metadata/keycloak-server-metadata.json");
  static final String COMMAND =
      "KEYCLOAK_URL=... mvn -B verify -DskipKeycloak=true -Dit.test=ServerMetadataIT"
          + " -Drealmctl.metadata.write=true -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final List<String> STEP_TYPES =
      List.of(
          "org.keycloak.authentication.Authenticator",
          "org.keycloak.authentication.FormAuthenticator",
          "org.keycloak.authentication.FormAction");

  @Test
  void committedMetadataIsWhatTheServerSays() throws Exception {
    TestKeycloak server = TestKeycloak.get();
    try (Admin admin = Admin.of(server)) {
      String base = server.url().replaceAll("/+$", "");
      String token = admin.keycloak().tokenManager().getAccessTokenString();
      JsonNode info = JSON.readTree(get(base + "/admin/serverinfo", token));
      Map<String, String> messages = new HashMap<>();
      JSON.readTree(get(base + "/resources/master/admin/en", token))
          .forEach(m -> messages.put(m.path("key").asText(), m.path("value").asText()));
      TreeSet<String> requirements = new TreeSet<>();
      for (var flow : admin.realm("master").flows().getFlows()) {
        for (AuthenticationExecutionInfoRepresentation step :
            admin.realm("master").flows().getExecutions(flow.getAlias())) {
          requirements.addAll(step.getRequirementChoices());
        }
      }
      String version = info.path("systemInfo").path("version").asText();
      String captured = JSON.writeValueAsString(metadata(info, messages, requirements, version));

      if (Boolean.getBoolean("realmctl.metadata.write")) {
        Files.writeString(RESOURCE, captured + "\n");
        return;
      }
      String committed = Files.readString(RESOURCE);
      Assumptions.assumeTrue(
          version.equals(JSON.readTree(committed).path("keycloakVersion").asText()),
          "the committed metadata is of another version than " + version);
      assertEquals(committed, captured + "\n", "stale metadata: regenerate with " + COMMAND);
    }
  }

  private static ObjectNode metadata(
      JsonNode info, Map<String, String> messages, TreeSet<String> requirements, String version) {
    ObjectNode out = JSON.createObjectNode();
    out.put(
        "generated",
        "Generated from GET /admin/serverinfo, the admin console's English messages and the"
            + " requirement choices of master's flow steps, by ServerMetadataIT: "
            + COMMAND
            + ". Do not edit.");
    out.put("keycloakVersion", version);
    ArrayNode protocols = out.putArray("protocols");
    sorted(info.path("providers").path("login-protocol").path("providers").fieldNames())
        .forEach(protocols::add);
    out.set(
        "clientAuthenticators",
        providers(info, "org.keycloak.authentication.ClientAuthenticator", messages, false));
    ArrayNode steps = out.putArray("authenticators");
    STEP_TYPES.forEach(type -> steps.addAll(providers(info, type, messages, false)));
    requirements.forEach(out.putArray("requirements")::add);
    ArrayNode identityProviders = out.putArray("identityProviders");
    for (String list : List.of("identityProviders", "socialProviders")) {
      info.path(list)
          .forEach(
              p ->
                  identityProviders
                      .addObject()
                      .put("id", p.path("id").asText())
                      .put("name", p.path("name").asText()));
    }
    ObjectNode mappers = out.putObject("protocolMapperTypes");
    sorted(info.path("protocolMapperTypes").fieldNames())
        .forEach(
            protocol -> {
              ArrayNode types = mappers.putArray(protocol);
              sortedById(info.path("protocolMapperTypes").path(protocol))
                  .forEach(type -> types.add(provider(type, messages, true)));
            });
    return out;
  }

  private static ArrayNode providers(
      JsonNode info, String type, Map<String, String> messages, boolean properties) {
    ArrayNode out = JSON.createArrayNode();
    sortedById(info.path("componentTypes").path(type))
        .forEach(p -> out.add(provider(p, messages, properties)));
    return out;
  }

  private static ObjectNode provider(JsonNode p, Map<String, String> messages, boolean properties) {
    ObjectNode out = JSON.createObjectNode().put("id", p.path("id").asText());
    if (p.has("name")) {
      out.put("name", text(p.path("name").asText(), messages));
    }
    out.put("helpText", text(p.path("helpText").asText(""), messages));
    if (properties) {
      ArrayNode list = out.putArray("properties");
      p.path("properties")
          .forEach(
              property -> {
                ObjectNode row =
                    list.addObject()
                        .put("name", property.path("name").asText())
                        .put("label", text(property.path("label").asText(""), messages))
                        .put("helpText", text(property.path("helpText").asText(""), messages))
                        .put("type", property.path("type").asText());
                if (property.path("options").size() > 0) {
                  row.set("options", property.path("options"));
                }
                if (property.has("defaultValue") && !property.path("defaultValue").isNull()) {
                  row.put("defaultValue", property.path("defaultValue").asText());
                }
              });
    }
    return out;
  }

  /** A label or help text is often a key of the admin console's messages: its English text. */
  private static String text(String keyOrText, Map<String, String> messages) {
    return messages.getOrDefault(keyOrText, keyOrText);
  }

  private static List<JsonNode> sortedById(JsonNode array) {
    List<JsonNode> list = new java.util.ArrayList<>();
    array.forEach(list::add);
    list.sort(java.util.Comparator.comparing(n -> n.path("id").asText()));
    return list;
  }

  private static TreeSet<String> sorted(java.util.Iterator<String> names) {
    TreeSet<String> sorted = new TreeSet<>();
    names.forEachRemaining(sorted::add);
    return sorted;
  }

  private static String get(String url, String token) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), url + ": " + response.body());
    return response.body();
  }
}
