package io.kam.platform;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The local platform as a process of its own: PostgreSQL and Kafka on fixed ports with their data
 * kept in a folder, stopped cleanly on Ctrl-C or SIGTERM. When ready it writes {@code platform.env}
 * (what the services need to connect) and prints one line.
 */
public final class PlatformLauncher {

  private PlatformLauncher() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(env("KAM_DATA_DIR", ".kam/data")).toAbsolutePath();
    int pgPort = Integer.parseInt(env("KAM_PG_PORT", "15432"));
    int kafkaPort = Integer.parseInt(env("KAM_KAFKA_PORT", "19092"));
    int controllerPort = Integer.parseInt(env("KAM_KAFKA_CONTROLLER_PORT", "19093"));
    for (int port : new int[] {pgPort, kafkaPort, controllerPort}) {
      requireFree(port);
    }
    Files.createDirectories(dataDir);
    PlatformKeys keys = PlatformKeys.inDirectory(dataDir.resolve("keys"));
    EmbeddedPlatform platform =
        new EmbeddedPlatform(
            new PlatformSettings(pgPort, kafkaPort, controllerPort, dataDir, true, 3));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  platform.close();
                  stopped.countDown();
                },
                "platform-stop"));
    platform.start();
    Path envFile = dataDir.resolve("platform.env");
    Files.writeString(
        envFile,
        String.join(
            "\n",
            "KAM_PG_PORT=" + platform.postgresPort(),
            "KAFKA_BOOTSTRAP_SERVERS=" + platform.bootstrapServers(),
            "KAM_KEYS_INTERNAL_PUBLIC=" + keys.internalKeySet(),
            "KAM_KEYS_INTERNAL_PRIVATE=" + keys.internalPrivateKey(),
            "KAM_KEYS_CLIENT_PUBLIC=" + keys.clientPublicKey(),
            ""));
    System.out.println(
        "platform ready: postgres localhost:"
            + platform.postgresPort()
            + ", kafka "
            + platform.bootstrapServers()
            + ", data in "
            + dataDir);
    stopped.await();
  }

  private static void requireFree(int port) {
    try (ServerSocket s = new ServerSocket(port)) {
      s.setReuseAddress(true);
    } catch (IOException e) {
      System.err.println(
          "port "
              + port
              + " is already in use: stop what holds it or set another"
              + " port (KAM_PG_PORT, KAM_KAFKA_PORT, KAM_KAFKA_CONTROLLER_PORT)");
      System.exit(2);
    }
  }

  static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
