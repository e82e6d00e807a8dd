package dev.realmctl.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code up} prints once the realms are applied: commands that get tokens, pasted as they are.
 * Secrets appear as the shell variables the env file sets, never as values.
 */
public final class UpInstructions {
  private UpInstructions() {}

  public static String text(LocalStack stack, String apiUrl, Path envFile) {
    return text(stack.url(), stack.nodes(), stack.issuerBase(), apiUrl, envFile);
  }

  static String text(
      String url, List<String> nodes, String issuerBase, String apiUrl, Path envFile) {
    List<String> lines =
        new ArrayList<>(
            List.of(
                "",
                "Realms applied. Secrets and the admin password are in "
                    + envFile
                    + " (mode 0600). Try:",
                "",
                "  source " + envFile,
                "  # Cool Project: client credentials, aud = apiserver, then the API that checks it",
                "  TOKEN=$(curl -s -u \"client-app:$COOLPROJECT_CLIENT_APP_SECRET\" -d grant_type=client_credentials \\",
                "    "
                    + url
                    + "/realms/coolproject/protocol/openid-connect/token | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')",
                "  curl -s -H \"Authorization: Bearer $TOKEN\" " + apiUrl + "/secure-data",
                "  curl -si " + apiUrl + "/secure-data    # no token: 401 with a Bearer challenge",
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
                ""));
    if (nodes.size() > 1) {
      lines.add(
          "Cluster nodes (one issuer, "
              + issuerBase
              + "; send token requests to either): "
              + String.join(" ", nodes));
    }
    return String.join("\n", lines);
  }
}
