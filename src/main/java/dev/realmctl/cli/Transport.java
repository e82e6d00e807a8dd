package dev.realmctl.cli;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Whether a Keycloak URL may carry admin credentials. Plain http only reaches this machine: the
 * decision is made by the addresses the host name resolves to, never by its text ({@code
 * 127.attacker.example} is not loopback). A URL that holds credentials itself is refused without
 * repeating it.
 */
final class Transport {
  /** Resolves a host name to its addresses; the system resolver, or a fixed table in tests. */
  interface Resolver {
    List<InetAddress> resolve(String host) throws UnknownHostException;

    static Resolver system() {
      return host -> List.of(InetAddress.getAllByName(host));
    }
  }

  private Transport() {}

  static void check(String url, boolean allowInsecureHttp, Resolver resolver) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new ExitCodes.UserError("not a URL: " + withoutUserInfo(url));
    }
    if (uri.getRawUserInfo() != null) {
      throw new ExitCodes.UserError(
          "the Keycloak URL holds a user name or password; give credentials in KEYCLOAK_USER and"
              + " KEYCLOAK_PASSWORD (or KEYCLOAK_CLIENT_ID and KEYCLOAK_CLIENT_SECRET) instead");
    }
    if (uri.getHost() == null
        || uri.getScheme() == null
        || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
      throw new ExitCodes.UserError("not an http(s) URL: " + url);
    }
    if (uri.getScheme().equals("http") && !allowInsecureHttp && !isLoopback(uri, resolver)) {
      throw new ExitCodes.UserError(
          "refusing plain http to "
              + uri.getHost()
              + ", which is not only this machine (127.0.0.0/8, ::1): use https, or"
              + " --allow-insecure-http if you mean it");
    }
  }

  private static boolean isLoopback(URI uri, Resolver resolver) {
    try {
      List<InetAddress> addresses = resolver.resolve(uri.getHost());
      return !addresses.isEmpty() && addresses.stream().allMatch(InetAddress::isLoopbackAddress);
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static String withoutUserInfo(String url) {
    int at = url.lastIndexOf('@');
    int scheme = url.indexOf("://");
    return at < 0 ? url : (scheme < 0 ? "" : url.substring(0, scheme + 3)) + url.substring(at + 1);
  }
}
