package io.kam.platform;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * The Quarkus test resource of every service: one real PostgreSQL and one real Kafka broker per
 * test JVM, on free ports, with fresh key pairs. Quarkus restarts between test profiles reuse the
 * same servers; the JVM's exit stops them.
 */
public class PlatformTestResource implements QuarkusTestResourceLifecycleManager {

  private static EmbeddedPlatform platform;
  private static PlatformKeys keys;
  private String database = "kam_test";

  @Override
  public void init(Map<String, String> initArgs) {
    database = initArgs.getOrDefault("database", database);
  }

  @Override
  public Map<String, String> start() {
    EmbeddedPlatform p = shared();
    p.ensureDatabase(database);
    Map<String, String> config = new HashMap<>();
    config.put("quarkus.datasource.jdbc.url", p.jdbcUrl(database));
    config.put("quarkus.datasource.username", "postgres");
    config.put("quarkus.datasource.password", "postgres");
    config.put("kafka.bootstrap.servers", p.bootstrapServers());
    config.put("kam.keys.internal-public", keys.internalKeySet().toString());
    config.put("kam.keys.internal-private", keys.internalPrivateKey().toString());
    config.put("kam.keys.client-public", keys.clientPublicKey().toString());
    return config;
  }

  /** The platform of this JVM, started on first use. */
  public static synchronized EmbeddedPlatform shared() {
    if (platform == null) {
      keys = PlatformKeys.temporary();
      System.setProperty(
          TestAuth.KEYS_DIR_PROPERTY, keys.internalPublicKey().getParent().toString());
      platform = new EmbeddedPlatform(PlatformSettings.forTests()).start();
      System.setProperty("kam.test.kafka.bootstrap", platform.bootstrapServers());
      Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "platform-stop"));
    }
    return platform;
  }

  @Override
  public void stop() {
    // Kept for the rest of the JVM: the next test profile reuses the same servers.
  }
}
