package dev.realmctl.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The documents that declare one realm, merged section by section: a team keeps one file per
 * customer. The realm's own fields come from at most one document; a resource declared in two
 * documents is found by each section's own check, which runs on the merged realm and names both
 * places.
 */
final class RealmParts {
  private final Map<String, List<RealmSpec>> byRealm = new LinkedHashMap<>();

  void add(RealmSpec part) {
    byRealm.computeIfAbsent(part.realm(), name -> new ArrayList<>()).add(part);
  }

  /** Each realm, whole, with every section checked across all of its documents. */
  List<RealmSpec> merged(Problems problems) {
    List<RealmSpec> realms = new ArrayList<>();
    byRealm.values().forEach(parts -> realms.add(merge(parts, problems)));
    realms.forEach(spec -> Sections.ALL.forEach(section -> section.check(spec, problems)));
    return realms;
  }

  private static RealmSpec merge(List<RealmSpec> parts, Problems problems) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    Optional<RealmSpec> owner = Optional.empty();
    Map<String, List<?>> sections = new LinkedHashMap<>();
    for (RealmSpec part : parts) {
      if (!part.settings().isEmpty()) {
        if (owner.isPresent()) {
          problems.error(
              part.origin().at("realm"),
              "realm '"
                  + part.realm()
                  + "' sets its own fields here and at "
                  + owner.get().origin().location()
                  + "; the realm's own fields come from one document, the others declare only"
                  + " resources");
        } else {
          owner = Optional.of(part);
        }
      }
      part.sections().forEach((key, elements) -> append(sections, key, elements));
    }
    RealmSpec first = owner.orElse(parts.get(0));
    return new RealmSpec(first.realm(), first.settings(), sections, first.origin());
  }

  private static void append(Map<String, List<?>> sections, String key, List<?> elements) {
    List<Object> all = new ArrayList<>(sections.getOrDefault(key, List.of()));
    all.addAll(elements);
    sections.put(key, all);
  }
}
