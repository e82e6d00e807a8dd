package dev.realmctl.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The realm's own texts of one locale (a realm's {@code localizationTexts} entry: locale → key →
 * text). Keycloak keeps them apart from the realm representation (PUT realm ignores them), under
 * {@code /admin/realms/{realm}/localization/{locale}}. A declared locale enforces its own keys.
 */
public record LocalizationTextsSpec(String locale, Map<String, String> texts, Origin origin) {

  public static final SpecKind KIND = new SpecKind("localization texts", "RealmRepresentation");
  public static final SpecSection<LocalizationTextsSpec> SECTION = new Section();

  private static final class Section implements SpecSection<LocalizationTextsSpec> {
    public String field() {
      return "localizationTexts";
    }

    public List<LocalizationTextsSpec> read(SpecReader reader, Object value, Origin origin) {
      List<LocalizationTextsSpec> result = new ArrayList<>();
      if (!(value instanceof Map<?, ?> byLocale)) {
        reader
            .problems()
            .error(origin.location(), "'localizationTexts' must map locales to mappings of texts");
        return result;
      }
      for (var entry : SpecReader.strings(byLocale).entrySet()) {
        String locale = entry.getKey();
        Origin localeOrigin = origin.child(locale);
        if (!(entry.getValue() instanceof Map<?, ?> texts)) {
          reader
              .problems()
              .error(localeOrigin.location(), "texts of '" + locale + "' must be a mapping");
          continue;
        }
        Map<String, String> declared = new LinkedHashMap<>();
        for (var text : SpecReader.strings(texts).entrySet()) {
          if (text.getValue() instanceof Map<?, ?> || text.getValue() instanceof List<?>) {
            reader
                .problems()
                .error(
                    localeOrigin.valueAt(text.getKey()),
                    "text '" + text.getKey() + "' must be a string");
          } else if (text.getValue() != null) {
            declared.put(text.getKey(), String.valueOf(text.getValue()));
          }
        }
        result.add(new LocalizationTextsSpec(locale, declared, localeOrigin));
      }
      return result;
    }

    public Map<String, Object> schema(FieldCatalog catalog) {
      return Map.of(
          "type",
          "object",
          "additionalProperties",
          Map.of(
              "type",
              "object",
              "additionalProperties",
              Map.of("type", List.of("string", "number", "boolean"))));
    }
  }
}
