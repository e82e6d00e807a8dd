package dev.realmctl.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.realmctl.spec.AuthorizationSpec;
import dev.realmctl.spec.AuthorizationSpec.Policy;
import dev.realmctl.spec.AuthorizationSpec.Resource;
import dev.realmctl.spec.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a client's authorization asks for, pure: each scope, resource and policy as it is sent and
 * compared, and how deep each policy stands beneath the policies that apply it.
 */
final class AuthorizationDesired {
  static final ObjectMapper JSON =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  /** Each declared policy's depth, and the cycles of applied policies found on the way. */
  record Depths(Map<String, Integer> byPolicy, List<Problem> cycles) {
    int of(String policy) {
      return byPolicy.getOrDefault(policy, 0);
    }
  }

  private AuthorizationDesired() {}

  /** A new entry: its name, then its fields. */
  static Map<String, Object> named(String name, Map<String, Object> fields) {
    Map<String, Object> rep = new LinkedHashMap<>();
    rep.put("name", name);
    rep.putAll(fields);
    return rep;
  }

  /** A resource's declared fields, its scopes as the list of their names. */
  static Map<String, Object> resource(Resource resource) {
    Map<String, Object> fields = new LinkedHashMap<>(resource.fields());
    resource.scopes().ifPresent(s -> fields.put("scopes", List.copyOf(s)));
    return fields;
  }

  /** A policy's declared fields, its config canonical. */
  static Map<String, Object> policy(Policy policy) {
    Map<String, Object> fields = new LinkedHashMap<>(policy.fields());
    if (!policy.config().isEmpty()) {
      fields.put("config", canonical(policy.config()));
    }
    return fields;
  }

  /**
   * Keycloak writes config lists as JSON text in its own order and spacing: lists are compared as
   * sets, whatever order and spacing the spec wrote.
   */
  static Map<String, Object> canonical(Map<String, ?> config) {
    Map<String, Object> result = new TreeMap<>();
    config.forEach(
        (key, value) -> {
          String text = String.valueOf(value);
          try {
            if (text.startsWith("[") && JSON.readTree(text).isArray()) {
              List<String> elements = new ArrayList<>();
              for (var element : JSON.readTree(text)) {
                elements.add(JSON.writeValueAsString(JSON.treeToValue(element, Object.class)));
              }
              elements.sort(null);
              text = "[" + String.join(",", elements) + "]";
            }
          } catch (JsonProcessingException notJson) {
            // Not a list: compared as written.
          }
          result.put(key, text);
        });
    return result;
  }

  /**
   * How deep each declared policy stands on its chain of applied policies. One that already exists
   * and is not declared stands at depth 0: it is there before the plan begins.
   */
  static Depths depths(AuthorizationSpec authz) {
    return depths(authz.policies());
  }

  /** The same for policies of no client's authorization: the admin permissions. */
  static Depths depths(List<Policy> policies) {
    Map<String, Policy> byName = new HashMap<>();
    policies.forEach(p -> byName.putIfAbsent(p.name(), p));
    Map<String, Integer> depths = new HashMap<>();
    List<Problem> cycles = new ArrayList<>();
    for (Policy policy : policies) {
      depth(policy.name(), byName, depths, new HashSet<>(), cycles);
    }
    return new Depths(depths, cycles);
  }

  private static int depth(
      String name,
      Map<String, Policy> byName,
      Map<String, Integer> depths,
      Set<String> path,
      List<Problem> cycles) {
    Integer known = depths.get(name);
    if (known != null) {
      return known;
    }
    Policy policy = byName.get(name);
    if (policy == null) {
      return -1;
    }
    if (!path.add(name)) {
      cycles.add(
          Problem.error(
              policy.origin().at("config"),
              "policy '" + name + "' applies itself through " + String.join(" -> ", path)));
      depths.put(name, 0);
      return 0;
    }
    int depth = 0;
    for (String applied : policy.references().policies().keySet()) {
      depth = Math.max(depth, depth(applied, byName, depths, path, cycles) + 1);
    }
    path.remove(name);
    depths.put(name, depth);
    return depth;
  }

  /**
   * A live policy's depth among the live policies, by name, so that a delete goes before the
   * deletes of the policies it applies.
   */
  static int liveDepth(Map<String, Map<String, Object>> policies, String name) {
    return liveDepth(policies, name, 0);
  }

  private static int liveDepth(Map<String, Map<String, Object>> policies, String name, int guard) {
    Map<String, Object> policy = policies.get(name);
    if (policy == null || guard > policies.size()) {
      return 0;
    }
    Object applied =
        policy.get("config") instanceof Map<?, ?> config ? config.get("applyPolicies") : null;
    int depth = 0;
    if (applied instanceof String text) {
      try {
        for (var element : JSON.readTree(text)) {
          depth = Math.max(depth, liveDepth(policies, element.asText(), guard + 1) + 1);
        }
      } catch (JsonProcessingException ignored) {
        // Keycloak wrote it; an unreadable list stands at depth 0.
      }
    }
    return depth;
  }
}
