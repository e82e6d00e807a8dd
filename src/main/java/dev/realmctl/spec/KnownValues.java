package dev.realmctl.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Descriptions and value sets for the schema, from Keycloak's own provider and config metadata
 * (serverinfo and the admin console's messages) captured into a resource, since {@code realmctl
 * schema} runs offline. A closed set (the login protocols, a flow step's requirement, the client
 * authenticators) is an enumeration; a set plugins extend (authenticators, mapper types, identity
 * providers) gives examples only.
 */
final class KnownValues {
  static final String RESOURCE = "/dev/realmctl/metadata/keycloak-server-metadata.json";
  private static final KnownValues INSTANCE = load();

  private final JsonNode metadata;

  private KnownValues(JsonNode metadata) {
    this.metadata = metadata;
  }

  static KnownValues get() {
    return INSTANCE;
  }

  private static KnownValues load() {
    try (InputStream in = KnownValues.class.getResourceAsStream(RESOURCE)) {
      return new KnownValues(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(RESOURCE, e);
    }
  }

  /** What the schema of {@code field} of {@code representation} says beyond its type. */
  Map<String, Object> annotations(String representation, String field) {
    String version = metadata.path("keycloakVersion").asText();
    return switch (representation + "." + field) {
      case "ClientRepresentation.protocol",
              "ClientScopeRepresentation.protocol",
              "ProtocolMapperRepresentation.protocol" ->
          closed(
              "The login protocol: a login-protocol provider of Keycloak " + version + ".",
              ids(metadata.path("protocols")),
              Map.of());
      case "ClientRepresentation.clientAuthenticatorType" ->
          closed(
              "How a confidential client proves itself at the token endpoint: a client-authenticator"
                  + " provider of Keycloak "
                  + version
                  + ".",
              ids(metadata.path("clientAuthenticators")),
              helpTexts(metadata.path("clientAuthenticators")));
      case "AuthenticationExecutionExportRepresentation.requirement" ->
          closed(
              "Whether the step must pass, may pass instead of its siblings, only runs its"
                  + " conditions, or is off: the requirement choices Keycloak "
                  + version
                  + " offers its flow steps.",
              ids(metadata.path("requirements")),
              Map.of());
      case "AuthenticationExecutionExportRepresentation.authenticator" ->
          open(
              "The step's provider: an authenticator, form or form action of Keycloak "
                  + version
                  + " (plugins add more).",
              ids(metadata.path("authenticators")));
      case "ProtocolMapperRepresentation.protocolMapper" ->
          open(
              "The mapper type: a protocol mapper of Keycloak " + version + " (plugins add more).",
              mapperTypes().stream().map(t -> t.path("id").asText()).distinct().toList());
      case "ProtocolMapperRepresentation.config" -> mapperConfig(version);
      case "IdentityProviderRepresentation.providerId" ->
          open(
              "The identity provider type: one of Keycloak " + version + " (plugins add more).",
              ids(metadata.path("identityProviders")));
      default -> Map.of();
    };
  }

  /** A mapper's config: each key Keycloak's mapper types know, its values strings. */
  private Map<String, Object> mapperConfig(String version) {
    Map<String, List<JsonNode>> byKey = new TreeMap<>();
    Map<String, Set<String>> usedBy = new TreeMap<>();
    for (JsonNode type : mapperTypes()) {
      for (JsonNode property : type.path("properties")) {
        String key = property.path("name").asText();
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(property);
        usedBy.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(type.path("id").asText());
      }
    }
    Map<String, Object> properties = new TreeMap<>();
    byKey.forEach(
        (key, seen) -> properties.put(key, configProperty(seen, usedBy.get(key), version)));
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("type", "object");
    config.put(
        "description",
        "The mapper's settings, by the names Keycloak "
            + version
            + "'s mapper types give them; every value is a string (\"true\", not true).");
    config.put("properties", properties);
    config.put("additionalProperties", SpecSchema.STRING);
    return config;
  }

  private static Map<String, Object> configProperty(
      List<JsonNode> seen, Set<String> usedBy, String version) {
    JsonNode first = seen.get(0);
    Map<String, Object> property = new LinkedHashMap<>();
    property.put("type", "string");
    String label = first.path("label").asText();
    String help = first.path("helpText").asText();
    StringBuilder description = new StringBuilder(label);
    if (!help.isBlank() && !help.equals(label)) {
      description.append(description.isEmpty() ? "" : ": ").append(help);
    }
    Set<String> types = seen.stream().map(p -> p.path("type").asText()).collect(Collectors.toSet());
    Set<String> defaults =
        seen.stream()
            .filter(p -> p.has("defaultValue"))
            .map(p -> p.path("defaultValue").asText())
            .collect(Collectors.toSet());
    if (types.equals(Set.of("boolean"))) {
      property.put("enum", List.of("true", "false"));
    } else if (types.equals(Set.of("List"))) {
      Set<String> options = new LinkedHashSet<>();
      seen.forEach(p -> p.path("options").forEach(o -> options.add(o.asText())));
      if (!options.isEmpty()) {
        property.put("enum", List.copyOf(options));
      }
    }
    if (defaults.size() == 1 && seen.stream().allMatch(p -> p.has("defaultValue"))) {
      property.put("default", defaults.iterator().next());
    }
    description
        .append(description.isEmpty() ? "" : " ")
        .append("(Keycloak ")
        .append(version)
        .append(": ")
        .append(String.join(", ", usedBy))
        .append(')');
    property.put("description", description.toString());
    return property;
  }

  private List<JsonNode> mapperTypes() {
    List<JsonNode> types = new ArrayList<>();
    metadata.path("protocolMapperTypes").forEach(protocol -> protocol.forEach(types::add));
    return types;
  }

  private static List<String> ids(JsonNode list) {
    List<String> ids = new ArrayList<>();
    list.forEach(n -> ids.add(n.isTextual() ? n.asText() : n.path("id").asText()));
    return ids;
  }

  private static Map<String, String> helpTexts(JsonNode providers) {
    Map<String, String> help = new LinkedHashMap<>();
    providers.forEach(p -> help.put(p.path("id").asText(), p.path("helpText").asText()));
    return help;
  }

  private static Map<String, Object> closed(
      String description, List<String> values, Map<String, String> help) {
    StringBuilder text = new StringBuilder(description);
    values.forEach(
        v ->
            Optional.ofNullable(help.get(v))
                .filter(h -> !h.isBlank())
                .ifPresent(h -> text.append("\n- ").append(v).append(": ").append(h)));
    return Map.of("description", text.toString(), "enum", values);
  }

  private static Map<String, Object> open(String description, List<String> values) {
    return Map.of("description", description, "examples", values);
  }
}
