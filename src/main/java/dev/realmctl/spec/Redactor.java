package dev.realmctl.spec;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The backstop behind {@link Sensitive}: secrets are masked where they stand, as values, before
 * anything is rendered; this only catches one that reached free text by a path nobody foresaw (an
 * error message that quotes Keycloak's answer, say). It looks for every form a renderer writes
 * (raw, JSON-escaped, escaped for one line), so escaping can't hide a secret from it. It leaves
 * short values alone: masked in free text, {@code admin} would turn {@code realm-admin} into
 * nonsense, and an empty value is no secret at all.
 */
public final class Redactor {
  public static final String MASK = "(sensitive)";

  /** Values this long are unlikely to stand in unrelated text by chance. */
  static final int SHORTEST_IN_TEXT = 8;

  private final Set<String> forms = ConcurrentHashMap.newKeySet();

  public void remember(String value) {
    if (value == null || value.strip().length() < SHORTEST_IN_TEXT) {
      return;
    }
    formsOf(value).filter(form -> form.length() >= SHORTEST_IN_TEXT).forEach(forms::add);
  }

  /**
   * The text with each secret replaced where it stands as a whole token: {@code password} is a
   * secret in {@code "password"} but not in {@code password-policy}.
   */
  public String redact(String text) {
    if (text == null || forms.isEmpty()) {
      return text;
    }
    String result = text;
    for (String form : longestFirst()) {
      if (result.contains(form)) {
        result = wholeToken(form).matcher(result).replaceAll(Matcher.quoteReplacement(MASK));
      }
    }
    return result;
  }

  private static Pattern wholeToken(String form) {
    return Pattern.compile("(?<![\\p{Alnum}_.-])" + Pattern.quote(form) + "(?![\\p{Alnum}_.-])");
  }

  private List<String> longestFirst() {
    return forms.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
  }

  private static Stream<String> formsOf(String value) {
    Set<String> all = new LinkedHashSet<>();
    all.add(value);
    all.add(new String(JsonStringEncoder.getInstance().quoteAsString(value)));
    all.add(Printable.of(value));
    all.add(Printable.of(value).replace("\"", "\\\""));
    all.add(value.replace("|", "\\|"));
    return all.stream();
  }
}
