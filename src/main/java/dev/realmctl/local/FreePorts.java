package dev.realmctl.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Loopback ports free at the time of asking. Other servers on the machine (other engineers'
 * Keycloaks, their JGroups on 7800) take ports too, so nothing here assumes a default port.
 */
final class FreePorts {
  private FreePorts() {}

  static int one() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A free port whose neighbour at {@code port + offset} is free too: JGroups' FD_SOCK2 listens at
   * the transport's port plus 100.
   */
  static int withNeighbour(int offset) {
    for (int attempt = 0; attempt < 50; attempt++) {
      int port = one();
      if (port + offset < 65536 && isFree(port + offset)) {
        return port;
      }
    }
    throw new IllegalStateException("no free port pair found");
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
