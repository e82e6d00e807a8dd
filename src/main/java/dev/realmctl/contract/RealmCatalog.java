package dev.realmctl.contract;

import dev.realmctl.keycloak.RepresentationCatalog;
import dev.realmctl.spec.ClientSpec;
import dev.realmctl.spec.RealmSpec;
import dev.realmctl.spec.Redactor;
import dev.realmctl.spec.Sensitive;
import dev.realmctl.spec.SpecLoader;
import dev.realmctl.spec.Substitution;
import dev.realmctl.spec.UserSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The realm specs a run knows, loaded as {@code apply} loads them (same loader, same {@code
 * ${env:}}/{@code ${file:}} resolution): those under {@code --realms}, and any file a step names.
 * Every name a scenario uses is looked up here, so a misspelt one fails saying no spec declares it,
 * rather than as a refusal from Keycloak.
 */
final class RealmCatalog {
  private static final Map<List<Path>, List<RealmSpec>> LOADED = new ConcurrentHashMap<>();

  private RealmCatalog() {}

  static void reset() {
    LOADED.clear();
  }

  static List<RealmSpec> load(ContractRun run, List<Path> paths) {
    return LOADED.computeIfAbsent(
        paths,
        p ->
            new SpecLoader(new RepresentationCatalog(), run.variables(), new Redactor())
                .load(p).realms().stream().map(run.adapt()).toList());
  }

  /** The spec of realm {@code name}: in {@code file} when a step names one, else in --realms. */
  static RealmSpec realm(ContractRun run, String name, Optional<String> file) {
    List<Path> where =
        file.map(f -> run.baseDir().resolve(f))
            .filter(Files::exists)
            .map(List::of)
            .orElse(run.realmPaths());
    return load(run, where).stream()
        .filter(spec -> spec.realm().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no spec declares the realm '"
                        + name
                        + "' (looked in "
                        + where.stream().map(Path::toString).collect(Collectors.joining(", "))
                        + ")"));
  }

  static ClientSpec client(RealmSpec realm, String clientId) {
    return realm.of(ClientSpec.SECTION).stream()
        .filter(c -> c.clientId().equals(clientId))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no spec declares the client '"
                        + clientId
                        + "' in realm '"
                        + realm.realm()
                        + "' ("
                        + realm.origin().location()
                        + ")"));
  }

  /** The secret the client's spec names; none for a public client. */
  static Optional<String> clientSecret(RealmSpec realm, String clientId) {
    ClientSpec client = client(realm, clientId);
    if (Boolean.TRUE.equals(client.fields().get("publicClient"))) {
      return Optional.empty();
    }
    if (client.fields().get("secret") instanceof Sensitive secret) {
      return Optional.of(secret.reveal());
    }
    throw new AssertionError(
        "the spec of client '"
            + clientId
            + "' names no secret ("
            + client.origin().location()
            + "): give it `secret: ${env:NAME}` so the contract can authenticate as it");
  }

  /** The password the user's spec names. */
  static String password(RealmSpec realm, String username) {
    UserSpec user =
        realm.of(UserSpec.SECTION).stream()
            .filter(u -> u.username().equals(username))
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(
                        "no spec declares the user '"
                            + username
                            + "' in realm '"
                            + realm.realm()
                            + "' ("
                            + realm.origin().location()
                            + ")"));
    return user.initialPassword()
        .map(Sensitive::reveal)
        .orElseThrow(
            () ->
                new AssertionError(
                    "the spec of user '"
                        + username
                        + "' names no password ("
                        + user.origin().location()
                        + "): give it `credentials: [{value: ${env:NAME}}]`"));
  }

  /**
   * A value a feature writes as a reference ({@code ${env:NAME}}, {@code ${file:PATH}}), resolved
   * as in a spec, so a feature never holds a secret; any other text is itself.
   */
  static String resolve(ContractRun run, String text) {
    Substitution.Result result =
        new Substitution(run.variables(), new Redactor()).apply(text, run.baseDir());
    if (result.error().isPresent()) {
      throw new AssertionError(result.error().get());
    }
    return result.value();
  }
}
