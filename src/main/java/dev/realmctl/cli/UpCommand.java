package dev.realmctl.cli;

import dev.realmctl.local.LocalCluster;
import dev.realmctl.local.LocalKeycloak;
import dev.realmctl.resourceserver.ResourceServer;
import dev.realmctl.resourceserver.TokenVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * The newcomer's first command: a local Keycloak from the server distribution, the realms applied,
 * and how to get a token. Generated secrets go to a 0600 file, never to the terminal.
 */
@Command(
    name = "up",
    description = "Start a local Keycloak, apply the realms, and print how to get a token.")
final class UpCommand implements java.util.concurrent.Callable<Integer> {
  private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{env:([A-Za-z0-9_]+)}");

  @ParentCommand Realmctl root;
  @Mixin SpecPaths specPaths;

  @Option(
      names = "--state-dir",
      description = "Where the local server keeps its data and secrets. Default: .realmctl")
  Path stateDir = Path.of(".realmctl");

  @Option(
      names = "--keycloak-home",
      description = "An unpacked Keycloak distribution. Default: the one the build unpacked.")
  Path keycloakHome;

  @Option(
      names = "--cluster",
      description =
          "Production topology instead: PostgreSQL (Debian's postgresql package) and two Keycloak"
              + " nodes in production mode sharing it, in one cluster.")
  boolean cluster;

  @Option(
      names = "--no-wait",
      description = "Stop the server once the realms are applied (for a smoke test).")
  boolean noWait;

  @Override
  public Integer call() throws Exception {
    Output output = root.output();
    Path envFile = stateDir.resolve("up.env");
    Map<String, String> secrets = secrets(envFile);
    Path home = keycloakHome != null ? keycloakHome : defaultHome();
    Servers keycloak =
        cluster ? startCluster(output, home, secrets) : startOne(output, home, secrets);
    Runtime.getRuntime().addShutdownHook(new Thread(keycloak.stop()));
    secrets.put("KEYCLOAK_URL", keycloak.url());
    writeEnvFile(envFile, secrets);

    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.putAll(secrets);
    var apply = root.nested(environment);
    List<String> args = new java.util.ArrayList<>(List.of("apply"));
    specPaths.paths.forEach(p -> args.add(p.toString()));
    if (keycloak.nodes().size() > 1) {
      args.add("--wait-for-nodes=" + String.join(",", keycloak.nodes()));
    }
    int applied = apply.execute(args.toArray(String[]::new));
    if (applied != ExitCodes.OK) {
      keycloak.stop().run();
      return applied;
    }
    ResourceServer api = startApi(keycloak.issuerBase() + "/realms/coolproject");
    output.println(instructions(keycloak.url(), api.url(), envFile));
    if (keycloak.nodes().size() > 1) {
      output.println(
          "Cluster nodes (one issuer, "
              + keycloak.issuerBase()
              + "; send token requests to either): "
              + String.join(" ", keycloak.nodes()));
    }
    if (noWait) {
      api.close();
      keycloak.stop().run();
      return ExitCodes.OK;
    }
    output.println("Press Ctrl-C to stop Keycloak.");
    new CountDownLatch(1).await();
    return ExitCodes.OK;
  }

  /** What `up` started: where to send requests, every node, whose URL is in `iss`, how to stop. */
  private record Servers(String url, List<String> nodes, String issuerBase, Runnable stop) {}

  private Servers startOne(Output output, Path home, Map<String, String> secrets) {
    output.println("Starting Keycloak from " + home + " (about 30-60 s the first time) ...");
    LocalKeycloak keycloak =
        LocalKeycloak.start(
            new LocalKeycloak.Options(
                home,
                stateDir.resolve("keycloak-data"),
                stateDir.resolve("keycloak.log"),
                "admin",
                secrets.get("KEYCLOAK_PASSWORD")));
    output.println(
        "Keycloak is up at "
            + keycloak.url()
            + " (started in "
            + keycloak.startTime().toSeconds()
            + " s).");
    return new Servers(keycloak.url(), List.of(keycloak.url()), keycloak.url(), keycloak::close);
  }

  private Servers startCluster(Output output, Path home, Map<String, String> secrets) {
    output.println(
        "Starting PostgreSQL and two Keycloak nodes from "
            + home
            + " (about 2-4 min, one more the first time: the distribution is built for PostgreSQL) ...");
    LocalCluster started =
        LocalCluster.start(
            new LocalCluster.Settings(
                home, stateDir.resolve("cluster"), "admin", secrets.get("KEYCLOAK_PASSWORD"), 2));
    for (LocalCluster.Node node : started.nodes()) {
      output.println(
          "Keycloak "
              + node.name()
              + " is up at "
              + node.url()
              + " (started in "
              + node.server().startTime().toSeconds()
              + " s; log "
              + node.logFile()
              + ").");
    }
    output.println(
        "Cluster "
            + started.clusterName()
            + " formed in "
            + started.startTime().toSeconds()
            + " s, on PostgreSQL at 127.0.0.1:"
            + started.postgres().port()
            + ".");
    List<String> nodes = started.nodes().stream().map(LocalCluster.Node::url).toList();
    return new Servers(nodes.get(0), nodes, started.hostname(), started::close);
  }

  /** Cool Project's API on port 8000 as in the tutorial, or a free port when 8000 is taken. */
  private static ResourceServer startApi(String issuer) {
    TokenVerifier verifier = new TokenVerifier(issuer, "apiserver", Duration.ofSeconds(30));
    try {
      return ResourceServer.start(verifier, "127.0.0.1", 8000);
    } catch (UncheckedIOException portTaken) {
      return ResourceServer.start(verifier, "127.0.0.1", 0);
    }
  }

  private static String instructions(String url, String api, Path envFile) {
    return String.join(
        "\n",
        "",
        "Realms applied. Secrets and the admin password are in " + envFile + " (mode 0600). Try:",
        "",
        "  source " + envFile,
        "  # Cool Project: client credentials, aud = apiserver, then the API that checks it",
        "  TOKEN=$(curl -s -u \"client-app:$COOLPROJECT_CLIENT_APP_SECRET\" -d grant_type=client_credentials \\",
        "    "
            + url
            + "/realms/coolproject/protocol/openid-connect/token | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')",
        "  curl -s -H \"Authorization: Bearer $TOKEN\" " + api + "/secure-data",
        "  curl -si " + api + "/secure-data    # no token: 401 with a Bearer challenge",
        "  # FastAPI tutorial: password grant for alice",
        "  curl -s -d grant_type=password -d client_id=fastapi-keycloak \\",
        "    -d \"client_secret=$TESTING_FASTAPI_CLIENT_SECRET\" -d username=alice -d \"password=$TESTING_ALICE_PASSWORD\" \\",
        "    " + url + "/realms/testing/protocol/openid-connect/token",
        "  # A partner: client credentials, aud = backend",
        "  curl -s -u \"partner-acme:$ATLAS_PARTNER_ACME_SECRET\" -d grant_type=client_credentials \\",
        "    " + url + "/realms/atlas/protocol/openid-connect/token",
        "",
        "  # Plan against it: nothing to change",
        "  ./realmctl plan",
        "");
  }

  /** Keeps earlier values so secrets stay stable across runs; fills in what the spec needs. */
  private Map<String, String> secrets(Path envFile) throws IOException {
    Map<String, String> values = new TreeMap<>();
    if (Files.exists(envFile)) {
      for (String line : Files.readAllLines(envFile)) {
        Matcher m = Pattern.compile("^export ([A-Za-z0-9_]+)='([^']*)'$").matcher(line);
        if (m.matches()) {
          values.put(m.group(1), m.group(2));
        }
      }
    }
    for (Path file : specFiles()) {
      Matcher m = ENV_REFERENCE.matcher(Files.readString(file));
      while (m.find()) {
        String name = m.group(1);
        if (root.env(name).isEmpty()) {
          values.computeIfAbsent(name, n -> randomSecret());
        }
      }
    }
    values.computeIfAbsent("KEYCLOAK_PASSWORD", n -> randomSecret());
    values.values().forEach(root.redactor()::remember);
    values.put("KEYCLOAK_USER", "admin");
    return values;
  }

  private List<Path> specFiles() throws IOException {
    List<Path> files = new java.util.ArrayList<>();
    for (Path path : specPaths.paths) {
      if (Files.isDirectory(path)) {
        try (var walk = Files.walk(path)) {
          walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
              .forEach(files::add);
        }
      } else if (Files.isRegularFile(path)) {
        files.add(path);
      }
    }
    return files;
  }

  private static void writeEnvFile(Path envFile, Map<String, String> values) throws IOException {
    Files.createDirectories(envFile.getParent());
    StringBuilder text =
        new StringBuilder("# Written by realmctl up: local secrets, not for Git.\n");
    new TreeMap<>(values)
        .forEach((k, v) -> text.append("export ").append(k).append("='").append(v).append("'\n"));
    Files.deleteIfExists(envFile);
    Files.createFile(
        envFile,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(envFile, text);
  }

  private static String randomSecret() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static Path defaultHome() {
    Properties build = new Properties();
    try (InputStream in = UpCommand.class.getResourceAsStream("/realmctl-build.properties")) {
      build.load(in);
    } catch (IOException | NullPointerException e) {
      throw new UncheckedIOException(
          new IOException("realmctl-build.properties missing from the jar"));
    }
    return Path.of("target/keycloak-dist/keycloak-" + build.getProperty("keycloak.version"));
  }
}
