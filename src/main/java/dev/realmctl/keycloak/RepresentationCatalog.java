package dev.realmctl.keycloak;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.realmctl.spec.FieldCatalog;
import dev.realmctl.spec.FieldType;
import dev.realmctl.spec.SpecKind;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The spec's field names, read from Keycloak's own representation classes: when Keycloak adds a
 * field, the spec accepts it with the next admin-client upgrade.
 */
public final class RepresentationCatalog implements FieldCatalog {
  private static final Map<SpecKind, Class<?>> CLASSES =
      Map.of(
          SpecKind.REALM, RealmRepresentation.class,
          SpecKind.CLIENT_SCOPE, ClientScopeRepresentation.class,
          SpecKind.CLIENT, ClientRepresentation.class,
          SpecKind.PROTOCOL_MAPPER, ProtocolMapperRepresentation.class,
          SpecKind.ROLE, RoleRepresentation.class,
          SpecKind.GROUP, GroupRepresentation.class,
          SpecKind.USER, UserRepresentation.class,
          SpecKind.CREDENTIAL, CredentialRepresentation.class);

  private final Map<SpecKind, Map<String, FieldType>> fields = new EnumMap<>(SpecKind.class);

  public RepresentationCatalog() {
    CLASSES.forEach((kind, type) -> fields.put(kind, introspect(type)));
  }

  @Override
  public Map<String, FieldType> fields(SpecKind kind) {
    return fields.get(kind);
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
