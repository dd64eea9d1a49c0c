package io.kam.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;

/**
 * Where and how the platform runs. {@code dataDir == null} with {@code persistent == false} means
 * throw-away temp directories (tests); the local run keeps its data in a folder.
 */
public record PlatformSettings(
    int postgresPort,
    int kafkaPort,
    int kafkaControllerPort,
    Path dataDir,
    boolean persistent,
    int partitions) {

  /** Free ports and temporary data: what every test JVM uses. */
  public static PlatformSettings forTests() {
    return new PlatformSettings(freePort(), freePort(), freePort(), null, false, 3);
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
