package dev.realmctl.keycloak;

import dev.realmctl.plan.Change;
import dev.realmctl.plan.Kind;
import dev.realmctl.plan.LiveRealm;
import dev.realmctl.plan.LocalizationPlanner;
import dev.realmctl.spec.LocalizationTextsSpec;
import dev.realmctl.spec.RealmSpec;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.keycloak.admin.client.resource.RealmResource;

/**
 * The realm's localization texts, through {@code /localization/{locale}}: PUT realm ignores its
 * {@code localizationTexts}. One request lists the locales, one per locale reads its texts; none
 * when the spec declares no texts.
 */
final class LocalizationEdge implements KindEdge {

  @Override
  public Map<Kind, ChangeWriter<?>> writers() {
    return Map.of(Kind.LOCALIZATION, new Writer());
  }

  @Override
  public LiveRealm read(RealmSpec spec, RealmRead read, LiveRealm live) {
    RealmResource realm = read.realm();
    RealmIds ids = read.ids();
    if (!spec.declares(LocalizationTextsSpec.SECTION)) {
      return live;
    }
    Map<String, Map<String, String>> texts = new HashMap<>();
    for (String locale : realm.localization().getRealmSpecificLocales()) {
      texts.put(locale, realm.localization().getRealmLocalizationTexts(locale));
    }
    return live.with(LocalizationPlanner.LIVE, texts);
  }

  @Override
  public void export(String realm, LiveRealm live, Map<String, Object> spec, List<String> notes) {
    Map<String, Object> texts = new TreeMap<>();
    live.part(LocalizationPlanner.LIVE)
        .forEach(
            (locale, byKey) -> {
              if (!byKey.isEmpty()) {
                texts.put(locale, new TreeMap<>(byKey));
              }
            });
    if (!texts.isEmpty()) {
      spec.put("localizationTexts", texts);
    }
  }

  private static final class Writer implements ChangeWriter<LocalizationPlanner.Id> {
    @Override
    public Class<LocalizationPlanner.Id> idType() {
      return LocalizationPlanner.Id.class;
    }

    public void create(LocalizationPlanner.Id id, Change change, Target target) {
      write(id, change, target);
    }

    public void update(LocalizationPlanner.Id id, Change change, Target target) {
      write(id, change, target);
    }

    public void delete(LocalizationPlanner.Id id, Change change, Target target) {
      target.realm(id.realm()).localization().deleteRealmLocalizationTexts(id.locale());
    }

    @Override
    public boolean exists(LocalizationPlanner.Id id, Change change, Target target) {
      return target
          .realm(id.realm())
          .localization()
          .getRealmSpecificLocales()
          .contains(id.locale());
    }

    /** Adds or overwrites the declared texts of the locale; others stay. */
    private static void write(LocalizationPlanner.Id id, Change change, Target target) {
      Map<String, String> texts = new LinkedHashMap<>();
      change.after().forEach((key, text) -> texts.put(key, String.valueOf(text)));
      target
          .realm(id.realm())
          .localization()
          .createOrUpdateRealmLocalizationTexts(id.locale(), texts);
    }
  }
}
