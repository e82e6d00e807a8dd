package dev.realmctl.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One top-level field of a realm document that declares resources of one kind, read into typed
 * elements with the line of each. A kind's section is its whole spec layer: parsing, schema and the
 * checks that need no server. Sections are registered in {@link Sections}.
 *
 * <p>Keycloak's import takes some kinds from more than one realm field (clients also from the old
 * {@code applications}; the scope mappings of client roles from {@code clientScopeMappings}). Such
 * a section names every one of them in {@link #fields()} and reads them together in {@link
 * #read(SpecReader, Document)}, so the kind still has one place; the document's remaining fields
 * are the realm's own settings.
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

  /** Every realm field it reads: {@link #field()} first, then other places of the same kind. */
  default List<String> fields() {
    return List.of(field());
  }

  /** The elements of the field's value; every problem goes to the reader, at its line. */
  List<T> read(SpecReader reader, Object value, Origin origin);

  /**
   * The elements of all its {@link #fields()}, read when the document declares any of them. Only a
   * section of several fields overrides it.
   */
  default List<T> read(SpecReader reader, Document document) {
    return read(reader, document.value(field()), document.origin(field()));
  }

  /** Checks across the whole realm spec that need no server: names declared once, references. */
  default void check(RealmSpec spec, Problems problems) {}

  /** The field's JSON Schema, for editors. */
  Map<String, Object> schema(FieldCatalog catalog);

  /**
   * The JSON Schema of each of its fields that the schema shows: by default {@link #field()}'s
   * only, as an old name is read but not offered.
   */
  default Map<String, Object> schemas(FieldCatalog catalog) {
    return Map.of(field(), schema(catalog));
  }

  /**
   * Named schemas its schema refers to as {@code #/$defs/<name>}: for elements that nest (a group's
   * sub-groups) or that several kinds share (protocol mappers).
   */
  default Map<String, Object> definitions(FieldCatalog catalog) {
    return Map.of();
  }

  /**
   * A realm document's top-level fields, with the realm's name when it has a valid one (the default
   * role is named after it).
   */
  record Document(Optional<String> realm, Map<String, Object> fields, Origin origin) {

    public Object value(String field) {
      return fields.get(field);
    }

    public Origin origin(String field) {
      return origin.child(field);
    }
  }
}
