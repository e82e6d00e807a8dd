package dev.realmctl.spec;

/** The shape a representation field accepts, as far as YAML can tell. */
public enum FieldType {
  BOOLEAN,
  INTEGER,
  NUMBER,
  STRING,
  STRING_LIST,
  STRING_MAP,
  STRING_LIST_MAP,
  OTHER;

  public boolean accepts(Object value) {
    return switch (this) {
      case BOOLEAN -> value instanceof Boolean;
      case INTEGER -> value instanceof Integer || value instanceof Long;
      case NUMBER -> value instanceof Number;
      case STRING -> value instanceof String || value instanceof Number || value instanceof Boolean;
      case STRING_LIST ->
          value instanceof java.util.List<?> list && list.stream().allMatch(FieldType::isScalar);
      case STRING_MAP ->
          value instanceof java.util.Map<?, ?> map
              && map.values().stream().allMatch(FieldType::isScalar);
      case STRING_LIST_MAP ->
          value instanceof java.util.Map<?, ?> map
              && map.values().stream().allMatch(v -> isScalar(v) || STRING_LIST.accepts(v));
      case OTHER -> true;
    };
  }

  public String describe() {
    return switch (this) {
      case BOOLEAN -> "true or false";
      case INTEGER -> "a whole number";
      case NUMBER -> "a number";
      case STRING -> "a string";
      case STRING_LIST -> "a list of strings";
      case STRING_MAP -> "a mapping of strings";
      case STRING_LIST_MAP -> "a mapping of strings or lists of strings";
      case OTHER -> "a value";
    };
  }

  private static boolean isScalar(Object value) {
    return value instanceof String || value instanceof Number || value instanceof Boolean;
  }
}
