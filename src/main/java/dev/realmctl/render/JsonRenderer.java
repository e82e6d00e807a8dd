package dev.realmctl.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.realmctl.plan.Action;
import dev.realmctl.plan.Change;
import dev.realmctl.plan.FieldChange;
import dev.realmctl.plan.OwnershipPlanner;
import dev.realmctl.plan.Plan;
import dev.realmctl.spec.Sensitive;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan for tools. Format version 2, documented in docs/cli.md: {@code changes[]}, the resource
 * changes in apply order, with action, kind, realm, path, before, after, fields; {@code
 * break_point}, an index into {@code changes}; {@code bookkeeping[]}, realmctl's ownership record
 * changes, each with what realmctl starts ({@code owns}) and stops ({@code disowns}) owning; {@code
 * summary} with the counts, bookkeeping apart; {@code keycloak_version}, the server version planned
 * against. Version 1 listed the ownership record among the changes and counted it an update.
 */
final class JsonRenderer implements PlanRenderer {
  static final int FORMAT_VERSION = 2;
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .registerModule(
              new SimpleModule().addSerializer(Sensitive.class, ToStringSerializer.instance));

  @Override
  public String render(Plan plan) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("format_version", FORMAT_VERSION);
    json.put("keycloak_version", plan.keycloakVersion().map(Object::toString).orElse(null));
    List<Change> changes = plan.resourceChanges();
    json.put("changes", changes.stream().map(JsonRenderer::change).toList());
    // Changes are listed in the order apply runs them; removals from this index on wait for
    // what replaces them to be live.
    int breakPoint = Values.breakPointIn(changes, plan);
    json.put("break_point", breakPoint < 0 ? null : breakPoint);
    json.put("bookkeeping", plan.bookkeeping().stream().map(JsonRenderer::bookkeeping).toList());
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("create", plan.count(Action.CREATE));
    summary.put("update", plan.count(Action.UPDATE));
    summary.put("delete", plan.count(Action.DELETE));
    summary.put("unchanged", plan.unchanged());
    summary.put("bookkeeping", plan.bookkeeping().size());
    json.put("summary", summary);
    try {
      return MAPPER.writeValueAsString(json) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> change(Change change) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("action", change.action().name().toLowerCase());
    json.put("kind", change.id().kind().name().toLowerCase());
    json.put("realm", change.id().realm());
    json.put("path", change.id().path());
    json.put("source", change.source().map(Object::toString).orElse(null));
    json.put("before", change.before());
    json.put("after", change.after());
    json.put("fields", fields(change.fields()));
    return json;
  }

  /** The record's change as what realmctl starts and stops owning; its text is in the fields. */
  private static Map<String, Object> bookkeeping(Change change) {
    Map<String, Object> json = change(change);
    List<String> difference = OwnershipPlanner.difference(change);
    json.put(
        "owns",
        difference.stream().filter(d -> d.startsWith("+")).map(d -> d.substring(1)).toList());
    json.put(
        "disowns",
        difference.stream().filter(d -> d.startsWith("-")).map(d -> d.substring(1)).toList());
    return json;
  }

  private static List<Map<String, Object>> fields(List<FieldChange> fields) {
    return fields.stream()
        .map(
            f -> {
              Map<String, Object> json = new LinkedHashMap<>();
              json.put("name", f.name());
              boolean sensitive = Values.isSensitive(f.before(), f.after());
              json.put("sensitive", sensitive);
              json.put("before", sensitive ? "(sensitive)" : f.before().orElse(null));
              json.put("after", sensitive ? "(sensitive)" : f.after().orElse(null));
              return json;
            })
        .toList();
  }
}
