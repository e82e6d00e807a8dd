package dev.realmctl.plan;

import dev.realmctl.spec.Sensitive;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which values of a plan are credentials, on either side of a change: what the server's own
 * metadata marks secret (component config properties with {@code secret: true} or of type {@code
 * Password}, from {@code GET /admin/serverinfo}), and names that say so where Keycloak publishes no
 * metadata (a SAML client's {@code saml.signing.private.key}, an identity provider's {@code
 * clientSecret}). Pure: the plan is masked once, after every kind has planned.
 */
public final class SecretValues {
  /**
   * Names that end in what they hold, where no metadata is published: {@code clientSecret}, {@code
   * bindCredential}, {@code saml.signing.private.key}; not {@code passwordPolicy} nor {@code
   * resetCredentialsFlow}, which only speak of credentials.
   */
  private static final Pattern SECRET_NAME =
      Pattern.compile(
          "(?i).*(secret|password|passwd|private[._-]?key|credential|api[._-]?key|secret[._-]?key"
              + "|secretdata)");

  private final Set<String> declaredSecret;

  public SecretValues(Set<String> declaredSecret) {
    this.declaredSecret = Set.copyOf(declaredSecret);
  }

  public boolean isSecret(String name) {
    return declaredSecret.contains(name) || SECRET_NAME.matcher(name).matches();
  }

  public Change mask(Change change) {
    return new Change(
        change.action(),
        change.id(),
        maskMap(change.before()),
        maskMap(change.after()),
        change.fields().stream().map(this::mask).toList(),
        change.source());
  }

  private FieldChange mask(FieldChange field) {
    String name = field.key().orElse(field.field());
    if (!isSecret(name) && !isSecret(field.field())) {
      return field;
    }
    return new FieldChange(
        field.field(),
        field.key(),
        field.before().map(this::secret),
        field.after().map(this::secret));
  }

  private Map<String, Object> maskMap(Map<String, Object> values) {
    Map<String, Object> masked = new LinkedHashMap<>();
    values.forEach(
        (key, value) -> masked.put(key, isSecret(key) ? secret(value) : maskNested(value)));
    return values.isEmpty() ? values : masked;
  }

  @SuppressWarnings("unchecked")
  private Object maskNested(Object value) {
    if (value instanceof Map<?, ?> map) {
      return maskMap((Map<String, Object>) map);
    }
    if (value instanceof List<?> list) {
      List<Object> masked = new ArrayList<>(list.size());
      list.forEach(item -> masked.add(maskNested(item)));
      return masked;
    }
    return value;
  }

  /** A credential's value: every string in it hidden, its shape (a list, a map) kept. */
  private Object secret(Object value) {
    if (value instanceof String text) {
      return new Sensitive(text);
    }
    if (value instanceof List<?> list) {
      List<Object> masked = new ArrayList<>(list.size());
      list.forEach(item -> masked.add(secret(item)));
      return masked;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> masked = new LinkedHashMap<>();
      map.forEach((k, v) -> masked.put(String.valueOf(k), secret(v)));
      return masked;
    }
    return value;
  }
}
