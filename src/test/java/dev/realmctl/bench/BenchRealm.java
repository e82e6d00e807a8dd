package dev.realmctl.bench;

/**
 * A generated benchmark realm: confidential service-account clients each with one audience scope,
 * realm roles, and users with email, names, a password and (when there are roles) one role each.
 * Client {@code app-0}'s redirect URI is the knob a "one change" step turns.
 */
record BenchRealm(int clients, int scopes, int roles, int users) {

  String yaml(String realm, String firstRedirect) {
    StringBuilder y = new StringBuilder("realm: " + realm + "\nenabled: true\n");
    if (roles > 0) {
      y.append("roles:\n  realm:\n");
      for (int r = 0; r < roles; r++) {
        y.append("    - name: role-").append(r).append('\n');
      }
    }
    y.append("clientScopes:\n");
    for (int s = 0; s < scopes; s++) {
      y.append("  - name: aud-")
          .append(s)
          .append("\n    protocolMappers:\n      - name: aud-")
          .append(s)
          .append("\n        protocolMapper: oidc-audience-mapper\n")
          .append("        config: {included.custom.audience: api-")
          .append(s)
          .append(", access.token.claim: \"true\"}\n");
    }
    y.append("clients:\n");
    for (int c = 0; c < clients; c++) {
      y.append("  - clientId: app-")
          .append(c)
          .append("\n    secret: bench-secret-")
          .append(c)
          .append("\n    serviceAccountsEnabled: true\n    redirectUris: [\"")
          .append(c == 0 ? firstRedirect : "https://app-" + c + ".example.com/*")
          .append("\"]\n    defaultClientScopes: [basic, aud-")
          .append(c % scopes)
          .append("]\n");
    }
    y.append("users:\n");
    for (int u = 0; u < users; u++) {
      y.append("  - username: user-")
          .append(u)
          .append("\n    email: user-")
          .append(u)
          .append("@example.com\n    firstName: User\n    lastName: N")
          .append(u)
          .append("\n    credentials: [{type: password, value: bench-password-")
          .append(u)
          .append("}]\n");
      if (roles > 0) {
        y.append("    realmRoles: [role-").append(u % roles).append("]\n");
      }
    }
    return y.toString();
  }
}
