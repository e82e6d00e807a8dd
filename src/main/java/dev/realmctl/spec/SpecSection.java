package dev.realmctl.spec;

import java.util.List;
import java.util.Map;

/**
 * One top-level field of a realm document that declares resources of one kind, read into typed
 * elements with the line of each. A kind's section is its whole spec layer: parsing, schema and the
 * checks that need no server. Sections are registered in {@link Sections}.
 */
public interface SpecSection<T> {

  /** The realm field it reads, in Keycloak's name: {@code identityProviders}. */
  String field();

  /**
   * The key {@link RealmSpec} keeps the elements under: the field, unless two sections read one
   * field (the user profile reads its own component out of {@code components}).
   */
  default String key() {
    return field();
  }

  /** The elements of the field's value; every problem goes to the reader, at its line. */
  List<T> read(SpecReader reader, Object value, Origin origin);

  /** Checks across the whole realm spec that need no server: names declared once, references. */
  default void check(RealmSpec spec, Problems problems) {}

  /** The field's JSON Schema, for editors. */
  Map<String, Object> schema(FieldCatalog catalog);
}
