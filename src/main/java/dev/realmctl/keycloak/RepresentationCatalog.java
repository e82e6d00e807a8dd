package dev.realmctl.keycloak;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.realmctl.spec.FieldCatalog;
import dev.realmctl.spec.FieldType;
import dev.realmctl.spec.SpecKind;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The spec's field names, read from Keycloak's own representation classes: when Keycloak adds a
 * field, the spec accepts it with the next admin-client upgrade.
 */
public final class RepresentationCatalog implements FieldCatalog {
  private static final String PACKAGE = "org.keycloak.representations.idm.";

  private final Map<SpecKind, Map<String, FieldType>> fields = new ConcurrentHashMap<>();

  @Override
  public Map<String, FieldType> fields(SpecKind kind) {
    return fields.computeIfAbsent(kind, k -> introspect(representation(k)));
  }

  private static Class<?> representation(SpecKind kind) {
    try {
      return Class.forName(PACKAGE + kind.representation());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("no representation " + kind.representation(), e);
    }
  }

  private static Map<String, FieldType> introspect(Class<?> type) {
    var config = Json.MAPPER.getDeserializationConfig();
    BeanDescription description = config.introspect(config.constructType(type));
    Map<String, FieldType> result = new TreeMap<>();
    for (BeanPropertyDefinition property : description.findProperties()) {
      if (property.hasSetter() || property.hasField()) {
        result.put(property.getName(), typeOf(property.getPrimaryType()));
      }
    }
    return result;
  }

  private static FieldType typeOf(JavaType type) {
    Class<?> raw = type.getRawClass();
    if (raw == Boolean.class || raw == boolean.class) {
      return FieldType.BOOLEAN;
    }
    if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
      return FieldType.INTEGER;
    }
    if (Number.class.isAssignableFrom(raw) || raw.isPrimitive()) {
      return FieldType.NUMBER;
    }
    if (raw == String.class) {
      return FieldType.STRING;
    }
    if (Collection.class.isAssignableFrom(raw)
        && type.getContentType().getRawClass() == String.class) {
      return FieldType.STRING_LIST;
    }
    if (Map.class.isAssignableFrom(raw) && type.getContentType().getRawClass() == String.class) {
      return FieldType.STRING_MAP;
    }
    if (Map.class.isAssignableFrom(raw)
        && Collection.class.isAssignableFrom(type.getContentType().getRawClass())) {
      return FieldType.STRING_LIST_MAP;
    }
    return FieldType.OTHER;
  }
}
