package dev.realmctl.plan;

import dev.realmctl.spec.Origin;
import dev.realmctl.spec.Problems;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.SpecKind;
import dev.realmctl.version.VersionBehaviour;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Takes out of a spec, before anything is planned, each declared field the server's version does
 * not keep (what its probe learnt: {@link VersionBehaviour#keeps}), with a warning at its line:
 * that server would accept it, drop it, and every later plan would show it as a change.
 *
 * <p>Every element whose record declares a {@code KIND} and a {@code fields} mapping is covered,
 * wherever it nests (a client's protocol mappers too), so a new kind needs nothing here.
 */
final class NotKeptFields {
  private NotKeptFields() {}

  static RealmSpec strip(RealmSpec spec, VersionBehaviour keycloak, Problems problems) {
    NotKeptFields.Stripper stripper = new Stripper(keycloak, problems);
    Map<String, List<?>> sections = new LinkedHashMap<>();
    spec.sections().forEach((key, elements) -> sections.put(key, stripper.list(elements)));
    return new RealmSpec(
        spec.realm(),
        stripper.fields(RealmSpec.KIND, spec.settings(), spec.origin()),
        sections,
        spec.origin());
  }

  private record Stripper(VersionBehaviour keycloak, Problems problems) {

    List<?> list(List<?> elements) {
      return elements.stream().map(this::value).toList();
    }

    Object value(Object value) {
      if (value instanceof Optional<?> optional) {
        return optional.map(this::value);
      }
      if (value instanceof List<?> list) {
        return list(list);
      }
      if (value instanceof Record element) {
        return element(element);
      }
      return value;
    }

    /** The element rebuilt with its own fields and its nested elements' fields stripped. */
    private Object element(Record element) {
      Optional<SpecKind> kind = kindOf(element.getClass());
      RecordComponent[] components = element.getClass().getRecordComponents();
      Object[] values = new Object[components.length];
      Class<?>[] types = new Class<?>[components.length];
      Origin origin = originOf(element, components);
      boolean changed = false;
      for (int i = 0; i < components.length; i++) {
        Object before = read(components[i], element);
        Object after = before;
        if (kind.isPresent()
            && origin != null
            && components[i].getName().equals("fields")
            && before instanceof Map<?, ?> declared) {
          after = fields(kind.get(), cast(declared), origin);
        } else if (before instanceof List<?> || before instanceof Optional<?>) {
          after = value(before);
        }
        changed |= !java.util.Objects.equals(after, before);
        values[i] = after;
        types[i] = components[i].getType();
      }
      if (!changed) {
        return element;
      }
      try {
        Constructor<?> canonical = element.getClass().getDeclaredConstructor(types);
        canonical.setAccessible(true);
        return canonical.newInstance(values);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot rebuild " + element.getClass(), e);
      }
    }

    /** The declared fields less those the server does not keep; a value that is news warns. */
    Map<String, Object> fields(SpecKind kind, Map<String, Object> declared, Origin origin) {
      Map<String, Object> kept = new LinkedHashMap<>();
      for (var entry : declared.entrySet()) {
        String field = entry.getKey();
        if (keycloak.keeps(kind, field)) {
          kept.put(field, entry.getValue());
        } else if (!isDefault(entry.getValue())) {
          problems.warning(
              origin.at(field),
              "Keycloak "
                  + keycloak.server().minorName()
                  + " does not keep "
                  + field
                  + " on "
                  + kind.label()
                  + "s: ignored");
        }
      }
      return kept.size() == declared.size() ? declared : kept;
    }

    /** Exports write the defaults (false, no text) of every field on every entry: not news. */
    private static boolean isDefault(Object value) {
      return value == null
          || Boolean.FALSE.equals(value)
          || "false".equals(value)
          || "".equals(value)
          || (value instanceof Map<?, ?> map && map.isEmpty())
          || (value instanceof List<?> list && list.isEmpty());
    }

    private static Optional<SpecKind> kindOf(Class<?> type) {
      try {
        Field field = type.getDeclaredField("KIND");
        return Modifier.isStatic(field.getModifiers()) && field.get(null) instanceof SpecKind kind
            ? Optional.of(kind)
            : Optional.empty();
      } catch (NoSuchFieldException | IllegalAccessException e) {
        return Optional.empty();
      }
    }

    private static Origin originOf(Record element, RecordComponent[] components) {
      for (RecordComponent component : components) {
        if (component.getType() == Origin.class) {
          return (Origin) read(component, element);
        }
      }
      return null;
    }

    private static Object read(RecordComponent component, Record element) {
      try {
        Method accessor = component.getAccessor();
        accessor.setAccessible(true);
        return accessor.invoke(element);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + component, e);
      }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
  }
}
