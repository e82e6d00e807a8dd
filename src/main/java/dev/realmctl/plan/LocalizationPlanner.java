package dev.realmctl.plan;

import dev.realmctl.spec.LocalizationTextsSpec;
import dev.realmctl.spec.RealmSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/** The realm's own localization texts, one resource per locale; a locale enforces its own keys. */
public final class LocalizationPlanner implements ResourcePlanner {

  public record Id(String realm, String locale) implements ResourceId {
    public Kind kind() {
      return Kind.LOCALIZATION;
    }

    public String path() {
      return "localizationTexts/" + locale;
    }
  }

  /** By locale, the realm's texts (key → text). */
  public static final LivePart<Map<String, Map<String, String>>> LIVE =
      new LivePart<>("localizationTexts", Map.of());

  @Override
  public void plan(RealmSpec spec, LiveRealm live, PlanBuilder out) {
    Map<String, Map<String, String>> existing = live.part(LIVE);
    for (LocalizationTextsSpec locale : spec.of(LocalizationTextsSpec.SECTION)) {
      var id = new Id(spec.realm(), locale.locale());
      Map<String, Object> want = new LinkedHashMap<>(locale.texts());
      Map<String, String> have = existing.get(locale.locale());
      if (have == null) {
        if (!want.isEmpty()) {
          out.add(Change.create(id, want).at(locale.origin()));
        }
      } else {
        out.updateOrCount(id, FieldDiff.between(want, new LinkedHashMap<>(have)), locale.origin());
      }
    }
  }
}
