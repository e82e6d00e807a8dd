package dev.realmctl.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An authentication flow as exports write it: top-level flows and the sub-flows their executions
 * name by {@code flowAlias}, each a list of executions in the order they run. The {@code id} an
 * export carries is kept only to read the flow bindings exports write as ids.
 */
public record AuthenticationFlowSpec(
    String alias,
    String providerId,
    Optional<String> description,
    boolean topLevel,
    boolean builtIn,
    List<Execution> executions,
    Optional<String> id,
    Origin origin) {

  /**
   * One step: an authenticator, or a sub-flow; its config named by alias. No {@code
   * userSetupAllowed}: exports write it, but Keycloak (24 and 26) neither stores nor reads it (see
   * {@link #USER_SETUP_ALLOWED}).
   */
  public record Execution(
      Optional<String> authenticator,
      Optional<String> flowAlias,
      String requirement,
      Optional<String> authenticatorConfig,
      Origin origin) {}

  /**
   * What a spec setting a step's {@code userSetupAllowed: true} is told. Keycloak's execution model
   * ({@code AuthenticationExecutionModel}) and its table have no such field: the realm import
   * ({@code DefaultExportImportManager}) never reads it, the export ({@code ModelToRepresentation})
   * never sets it (so every export writes {@code false}), and the admin API has no way to set it.
   * Whether a step may send a user to set up a missing credential is its authenticator's own
   * ({@code AuthenticatorFactory.isUserSetupAllowed()}).
   */
  static final String USER_SETUP_ALLOWED =
      "'userSetupAllowed' is ignored: Keycloak does not store it per step (its import drops it,"
          + " its exports always write false); whether a step may have the user set up a missing"
          + " credential is decided by its authenticator";

  public static final SpecKind KIND =
      new SpecKind("authentication flow", "AuthenticationFlowRepresentation");
  private static final SpecKind EXECUTION =
      new SpecKind("flow execution", "AuthenticationExecutionExportRepresentation");
  public static final SpecSection<AuthenticationFlowSpec> SECTION = new Section();

  private static final Set<String> REQUIREMENTS =
      Set.of("REQUIRED", "ALTERNATIVE", "DISABLED", "CONDITIONAL");

  private static final class Section implements SpecSection<AuthenticationFlowSpec> {
    public String field() {
      return "authenticationFlows";
    }

    public List<AuthenticationFlowSpec> read(SpecReader reader, Object value, Origin origin) {
      List<AuthenticationFlowSpec> flows = new ArrayList<>();
      for (SpecReader.Item item : reader.items(value, field(), origin)) {
        Optional<String> alias = reader.requiredName(item.map(), "alias", item.origin(), KIND);
        reader.fields(
            item.map(), item.origin(), KIND, Set.of("alias", "authenticationExecutions", "id"));
        Map<String, Object> map = item.map();
        List<Execution> executions = new ArrayList<>();
        for (SpecReader.Item step : reader.list(map, "authenticationExecutions", item.origin())) {
          execution(reader, step).ifPresent(executions::add);
        }
        alias.ifPresent(
            a ->
                flows.add(
                    new AuthenticationFlowSpec(
                        a,
                        String.valueOf(map.getOrDefault("providerId", "basic-flow")),
                        Optional.ofNullable((String) text(map.get("description"))),
                        !Boolean.FALSE.equals(map.get("topLevel")),
                        Boolean.TRUE.equals(map.get("builtIn")),
                        executions,
                        Optional.ofNullable((String) text(map.get("id"))),
                        item.origin())));
      }
      return flows;
    }

    private static Optional<Execution> execution(SpecReader reader, SpecReader.Item step) {
      Map<String, Object> map = step.map();
      reader.fields(map, step.origin(), EXECUTION, Set.of("autheticatorFlow", "priority"));
      Optional<String> authenticator = Optional.ofNullable((String) text(map.get("authenticator")));
      Optional<String> flowAlias = Optional.ofNullable((String) text(map.get("flowAlias")));
      boolean isFlow = Boolean.TRUE.equals(map.get("authenticatorFlow")) || flowAlias.isPresent();
      if (isFlow && flowAlias.isEmpty()) {
        reader.problems().error(step.origin().location(), "a sub-flow step needs 'flowAlias'");
        return Optional.empty();
      }
      if (!isFlow && authenticator.isEmpty()) {
        reader
            .problems()
            .error(
                step.origin().location(),
                "an execution needs 'authenticator' (e.g. auth-cookie) or 'flowAlias'");
        return Optional.empty();
      }
      String requirement = String.valueOf(map.getOrDefault("requirement", "DISABLED"));
      Object userSetupAllowed = map.get("userSetupAllowed");
      if (Boolean.TRUE.equals(userSetupAllowed) || "true".equals(userSetupAllowed)) {
        reader.problems().warning(step.origin().valueAt("userSetupAllowed"), USER_SETUP_ALLOWED);
      }
      if (!REQUIREMENTS.contains(requirement)) {
        reader
            .problems()
            .error(
                step.origin().valueAt("requirement"),
                "'requirement' must be one of REQUIRED, ALTERNATIVE, CONDITIONAL, DISABLED");
      }
      return Optional.of(
          new Execution(
              isFlow ? Optional.empty() : authenticator,
              isFlow ? flowAlias : Optional.empty(),
              requirement,
              Optional.ofNullable((String) text(map.get("authenticatorConfig"))),
              step.origin()));
    }

    private static Object text(Object value) {
      return value instanceof String s && !s.isBlank() ? s : null;
    }

    /**
     * Offline checks: aliases declared once, every {@code flowAlias} names a declared sub-flow used
     * by one parent only, no flow contains itself, every config alias is declared.
     */
    @Override
    public void check(RealmSpec spec, Problems problems) {
      List<AuthenticationFlowSpec> flows = spec.of(this);
      Unique.names(
          flows, AuthenticationFlowSpec::alias, AuthenticationFlowSpec::origin, KIND, problems);
      Map<String, AuthenticationFlowSpec> byAlias = new HashMap<>();
      flows.forEach(f -> byAlias.putIfAbsent(f.alias(), f));
      Set<String> configs = new java.util.HashSet<>();
      spec.of(AuthenticatorConfigSpec.SECTION).forEach(c -> configs.add(c.alias()));
      Map<String, Origin> parents = new HashMap<>();
      for (AuthenticationFlowSpec flow : flows) {
        for (Execution step : flow.executions()) {
          step.flowAlias()
              .ifPresent(
                  sub -> {
                    AuthenticationFlowSpec child = byAlias.get(sub);
                    if (child == null) {
                      problems.error(
                          step.origin().valueAt("flowAlias"),
                          "sub-flow '" + sub + "' is not declared in authenticationFlows");
                    } else if (child.topLevel()) {
                      problems.error(
                          step.origin().valueAt("flowAlias"),
                          "flow '" + sub + "' is top-level; a sub-flow has topLevel: false");
                    } else if (parents.putIfAbsent(sub, step.origin()) != null) {
                      problems.error(
                          step.origin().valueAt("flowAlias"),
                          "sub-flow '" + sub + "' is already a step of another flow");
                    }
                  });
          step.authenticatorConfig()
              .filter(alias -> !configs.contains(alias))
              .ifPresent(
                  alias ->
                      problems.error(
                          step.origin().valueAt("authenticatorConfig"),
                          "authenticator config '"
                              + alias
                              + "' is not declared in authenticatorConfig"));
        }
      }
    }

    public Map<String, Object> schema(FieldCatalog catalog) {
      Map<String, Object> execution = SpecSchema.object(catalog, EXECUTION, List.of(), false);
      SpecSchema.properties(execution).put("autheticatorFlow", Map.of("type", "boolean"));
      Map<String, Object> flow = SpecSchema.object(catalog, KIND, List.of("alias"), false);
      SpecSchema.properties(flow).put("authenticationExecutions", SpecSchema.arrayOf(execution));
      return SpecSchema.arrayOf(flow);
    }
  }
}
