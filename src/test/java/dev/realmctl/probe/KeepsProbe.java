package dev.realmctl.probe;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.realmctl.probe.ProbeKind.Entry;
import dev.realmctl.probe.Verdicts.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * Learns what a Keycloak server keeps of each representation field: for each kind, an entry that
 * sets nothing of note is imported and read back (the defaults), then one entry per field, each
 * setting that field alone to a value unlike its default, all in one realm file that Keycloak's own
 * import ({@code POST /admin/realms}) takes. A file the import refuses is split in halves until the
 * refused field is alone. Each field read back is kept, dropped, rewritten or added to.
 */
final class KeepsProbe {
  /** Fields of a representation, by the name its JSON uses, each with what the server did. */
  record Findings(String representation, Map<String, Verdict> fields) {}

  private final AdminHttp admin;
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private int imports;

  KeepsProbe(AdminHttp admin) {
    this.admin = admin;
  }

  int imports() {
    return imports;
  }

  /** The realm's own fields, as a kind whose every entry is the realm itself. */
  static ProbeKind realm() {
    Map<String, String> skipped = ProbeKind.skip("realm", Set.of());
    // An unparsable version makes the import run every migration from the oldest: on 26.7.3 that
    // held one transaction past its 300 s timeout and left the server's H2 database closed.
    skipped.put("keycloakVersion", "the import migrates from the version it names");
    return new ProbeKind(
        "realm",
        RealmRepresentation.class,
        i -> "realm",
        skipped,
        key -> new LinkedHashMap<>(),
        (realm, entries) -> {
          Map<String, Object> file = ProbeKinds.shell(realm);
          // The import reads the OTP policy's fields only when its type is given.
          file.put("otpPolicyType", "totp");
          entries.forEach(e -> file.putAll(e.fields()));
          return file;
        },
        (admin, realm) -> {
          Map<String, Object> read =
              new LinkedHashMap<>(admin.object("/admin/realms/" + AdminHttp.encode(realm)));
          admin.partialExport(realm).forEach(read::putIfAbsent);
          return Map.of("realm", read);
        });
  }

  static List<ProbeKind> every() {
    List<ProbeKind> kinds = new ArrayList<>();
    kinds.add(realm());
    kinds.addAll(ProbeKinds.all());
    return kinds;
  }

  Findings probe(ProbeKind kind) {
    return probe(kind, field -> true);
  }

  /** Only the fields {@code only} accepts: a quick look at a few. */
  Findings probe(ProbeKind kind, java.util.function.Predicate<String> only) {
    Map<String, Verdict> verdicts = new TreeMap<>();
    Map<String, JavaType> fields = new TreeMap<>(fields(kind.representation()));
    fields.keySet().removeIf(only.negate());
    kind.skipped()
        .forEach(
            (field, why) -> {
              if (fields.containsKey(field)) {
                verdicts.put(field, new Verdict(Verdicts.UNPROBED, why));
              }
            });
    String baseKey = kind.key().apply(0);
    Entry base = new Entry(baseKey, kind.base().apply(baseKey));
    Outcome baseOutcome = importAndRead(kind, List.of(base));
    if (baseOutcome.refusal().isPresent()) {
      fields.keySet().stream()
          .filter(f -> !verdicts.containsKey(f))
          .forEach(
              f ->
                  verdicts.put(
                      f,
                      new Verdict(
                          Verdicts.UNPROBED,
                          "the server refuses the kind: " + baseOutcome.refusal().get())));
      return new Findings(kind.simpleName(), verdicts);
    }
    Map<String, Object> defaults = baseOutcome.read().getOrDefault(baseKey, Map.of());
    List<Variant> variants = new ArrayList<>();
    for (var field : fields.entrySet()) {
      if (verdicts.containsKey(field.getKey())) {
        continue;
      }
      Optional<Object> value =
          Variants.of(field.getKey(), field.getValue(), defaults.get(field.getKey()));
      if (value.isEmpty()) {
        verdicts.put(field.getKey(), new Verdict(Verdicts.UNPROBED, "structured"));
        continue;
      }
      String key = kind.key().apply(variants.size() + 1);
      Map<String, Object> entry = kind.base().apply(key);
      entry.put(field.getKey(), merged(entry.get(field.getKey()), value.get()));
      variants.add(new Variant(field.getKey(), new Entry(key, entry)));
    }
    probe(kind, base, variants, defaults, verdicts);
    return new Findings(kind.simpleName(), verdicts);
  }

  private record Variant(String field, Entry entry) {
    Object sent() {
      return entry.fields().get(field);
    }
  }

  private record Outcome(Map<String, Map<String, Object>> read, Optional<String> refusal) {}

  /** Imports the variants together; a refused file is split until each refusal is one field's. */
  private void probe(
      ProbeKind kind,
      Entry base,
      List<Variant> variants,
      Map<String, Object> defaults,
      Map<String, Verdict> verdicts) {
    if (variants.isEmpty()) {
      return;
    }
    List<Entry> entries = new ArrayList<>();
    entries.add(base);
    variants.forEach(v -> entries.add(v.entry()));
    Outcome outcome = importAndRead(kind, entries);
    if (outcome.refusal().isPresent()) {
      if (variants.size() == 1) {
        verdicts.put(
            variants.get(0).field(), new Verdict(Verdicts.REFUSED, outcome.refusal().get()));
        return;
      }
      int half = variants.size() / 2;
      probe(kind, base, variants.subList(0, half), defaults, verdicts);
      probe(kind, base, variants.subList(half, variants.size()), defaults, verdicts);
      return;
    }
    for (Variant variant : variants) {
      Map<String, Object> read = outcome.read().get(variant.entry().key());
      verdicts.put(
          variant.field(),
          read == null
              ? new Verdict(Verdicts.DROPPED, "the entry itself was not kept")
              : Verdicts.classify(
                  variant.sent(), defaults.get(variant.field()), read.get(variant.field())));
    }
  }

  private Outcome importAndRead(ProbeKind kind, List<Entry> entries) {
    String realm = "probe-" + kind.name().toLowerCase() + "-" + run;
    Map<String, Object> file = kind.embed().apply(realm, entries);
    imports++;
    long started = System.nanoTime();
    AdminHttp.Answer answer = admin.post("/admin/realms", file);
    System.out.printf(
        "probe: %s, %d entries: HTTP %d in %d ms%n",
        kind.name(), entries.size(), answer.status(), (System.nanoTime() - started) / 1_000_000);
    try {
      if (!answer.ok()) {
        return new Outcome(Map.of(), Optional.of(refusal(answer)));
      }
      try {
        return new Outcome(kind.read().apply(admin, realm), Optional.empty());
      } catch (IllegalStateException unread) {
        // An older server without the kind's endpoint (organizations before 26).
        return new Outcome(Map.of(), Optional.of("the admin API does not read it back"));
      }
    } finally {
      admin.delete("/admin/realms/" + AdminHttp.encode(realm));
    }
  }

  /** Keycloak's own words, without the ids that differ on every run. */
  private static String refusal(AdminHttp.Answer answer) {
    String body = answer.body() == null ? "" : answer.body().strip();
    try {
      Map<?, ?> error = AdminHttp.JSON.readValue(body, Map.class);
      Object message =
          Optional.ofNullable(error.get("errorMessage"))
              .or(() -> Optional.ofNullable(error.get("error")))
              .orElse(body);
      body = String.valueOf(message);
    } catch (java.io.IOException | RuntimeException e) {
      // Not JSON: keep the text.
    }
    body = body.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>");
    body = body.replaceAll("probe-[a-z]+-[0-9a-f]{8}", "<realm>");
    if (body.length() > 200) {
      body = body.substring(0, 200) + "...";
    }
    return "HTTP " + answer.status() + ": " + body;
  }

  /** A mapping field keeps the base entry's keys (a provider's required config) and adds one. */
  @SuppressWarnings("unchecked")
  private static Object merged(Object base, Object value) {
    if (base instanceof Map<?, ?> baseMap && value instanceof Map<?, ?> add) {
      Map<String, Object> result = new LinkedHashMap<>((Map<String, Object>) baseMap);
      result.putAll((Map<String, Object>) add);
      return result;
    }
    return value;
  }

  /** The representation's fields as Jackson reads them, as Keycloak's import does. */
  static Map<String, JavaType> fields(Class<?> type) {
    var config = AdminHttp.JSON.getDeserializationConfig();
    BeanDescription description = config.introspect(config.constructType(type));
    Map<String, JavaType> result = new TreeMap<>();
    for (BeanPropertyDefinition property : description.findProperties()) {
      if (property.hasSetter() || property.hasField()) {
        result.put(property.getName(), property.getPrimaryType());
      }
    }
    return result;
  }
}
