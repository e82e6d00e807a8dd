package dev.realmctl.support;

import dasniko.testcontainers.keycloak.KeycloakContainer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * testcontainers-keycloak, used only where a Docker engine answers and no distribution is unpacked.
 */
final class DockerKeycloak {
  private DockerKeycloak() {}

  static boolean available() {
    boolean socket =
        Files.exists(Path.of("/var/run/docker.sock")) || System.getenv("DOCKER_HOST") != null;
    if (!socket) {
      return false;
    }
    try {
      return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }

  static TestKeycloak start() {
    KeycloakContainer container =
        new KeycloakContainer(
            "quay.io/keycloak/keycloak:"
                + System.getProperty("realmctl.keycloak.version", "26.7.3"));
    container.start();
    Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
    return TestKeycloak.of(
        container.getAuthServerUrl(), container.getAdminUsername(), container.getAdminPassword());
  }
}
