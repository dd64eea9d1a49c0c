package io.kam.platform;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;

/**
 * A real PostgreSQL 17 server and a real single-node Kafka broker (KRaft), both in this JVM's
 * control, on real sockets. One database per service and every topic with its dead-letter twin are
 * created on start (idempotently, so a restart over kept data is fine).
 */
public final class EmbeddedPlatform implements AutoCloseable {

  public static final List<String> DATABASES =
      List.of("account", "scoring", "kpi", "planning", "gateway");
  public static final List<String> TOPICS =
      List.of("kam.account.events", "kam.kpi.events", "kam.score.events", "kam.plan.events");
  static final String CLUSTER_ID = "a2FtLWxvY2FsLWthZmthMQ";

  private final PlatformSettings settings;
  private EmbeddedPostgres postgres;
  private EmbeddedKafkaBroker kafka;
  private Path kafkaLogs;

  public EmbeddedPlatform(PlatformSettings settings) {
    this.settings = settings;
  }

  public EmbeddedPlatform start() {
    startPostgres();
    startKafka();
    createTopics();
    return this;
  }

  private void startPostgres() {
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setPort(settings.postgresPort())
              .setServerConfig("max_connections", "400")
              .setServerConfig("fsync", settings.persistent() ? "on" : "off")
              .setServerConfig("synchronous_commit", settings.persistent() ? "on" : "off")
              .setPGStartupWait(java.time.Duration.ofSeconds(60));
      if (settings.dataDir() != null) {
        Path pgData = settings.dataDir().resolve("postgres");
        Files.createDirectories(pgData);
        builder.setDataDirectory(pgData).setCleanDataDirectory(!settings.persistent());
      }
      postgres = builder.start();
      createDatabases();
    } catch (IOException | SQLException e) {
      throw new IllegalStateException("PostgreSQL did not start: " + e.getMessage(), e);
    }
  }

  private void createDatabases() throws SQLException {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      for (String db : DATABASES) {
        try (ResultSet rs =
            s.executeQuery("select 1 from pg_database where datname = '" + db + "'")) {
          if (!rs.next()) {
            s.execute("create database " + db);
          }
        }
      }
    }
  }

  /** Starts (or restarts, after {@link #stopKafka()}) the broker on the same ports and logs. */
  public synchronized void startKafka() {
    if (kafkaLogs == null) {
      kafkaLogs = kafkaLogDir();
    }
    Path logs = kafkaLogs;
    kafka =
        new EmbeddedKafkaBroker()
            .withNodeId(1)
            .withClusterId(CLUSTER_ID)
            .withKafkaHost("localhost")
            .withKafkaPort(settings.kafkaPort())
            .withControllerPort(settings.kafkaControllerPort())
            .withDeleteLogDirsOnClose(false)
            .withAdditionalProperties(
                p -> {
                  p.put("log.dirs", logs.toString());
                  p.put("num.partitions", String.valueOf(settings.partitions()));
                  p.put("auto.create.topics.enable", "false");
                  p.put("offsets.topic.num.partitions", "5");
                  p.put("group.initial.rebalance.delay.ms", "0");
                  p.put("transaction.state.log.num.partitions", "3");
                })
            .start();
  }

  public synchronized void stopKafka() {
    if (kafka != null) {
      kafka.close();
      kafka = null;
    }
  }

  private Path kafkaLogDir() {
    try {
      if (settings.dataDir() != null) {
        Path dir = settings.dataDir().resolve("kafka");
        Files.createDirectories(dir);
        return dir;
      }
      Path tmp = Files.createTempDirectory("kam-kafka-");
      tmp.toFile().deleteOnExit();
      return tmp;
    } catch (IOException e) {
      throw new IllegalStateException("cannot create the Kafka log directory", e);
    }
  }

  private void createTopics() {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    try (Admin admin = Admin.create(p)) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (String topic : TOPICS) {
        for (String name : List.of(topic, topic + ".dlq")) {
          if (!existing.contains(name)) {
            missing.add(
                new NewTopic(name, settings.partitions(), (short) 1).configs(topicConfig(name)));
          }
        }
      }
      keepEverything(admin, existing);
      // Per topic, and "already exists" is success: on a loaded machine the client may time out
      // a request the broker did carry out, and its retry then finds the topic there.
      for (var created : admin.createTopics(missing).values().values()) {
        try {
          created.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
            throw e;
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("topics could not be created: " + e.getMessage(), e);
    }
  }

  /**
   * Topics of a local run kept from before their retention was stated (the broker's default is
   * seven days) are brought to the same settings, so a read model can still be rebuilt from them.
   */
  private static void keepEverything(Admin admin, Set<String> existing)
      throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
    Map<ConfigResource, java.util.Collection<AlterConfigOp>> changes = new java.util.HashMap<>();
    for (String topic : TOPICS) {
      for (String name : List.of(topic, topic + ".dlq")) {
        if (existing.contains(name)) {
          changes.put(
              new ConfigResource(ConfigResource.Type.TOPIC, name),
              topicConfig(name).entrySet().stream()
                  .map(
                      e ->
                          new AlterConfigOp(
                              new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
                  .toList());
        }
      }
    }
    if (!changes.isEmpty()) {
      admin.incrementalAlterConfigs(changes).all().get(30, TimeUnit.SECONDS);
    }
  }

  /**
   * As deploy/k8s/base/kafka/topics.yaml: event topics keep everything (a read model is rebuilt by
   * replaying them from the start), none is compacted, dead-letter topics keep 30 days.
   */
  static Map<String, String> topicConfig(String name) {
    return Map.of(
        "min.insync.replicas",
        "1",
        "cleanup.policy",
        "delete",
        "retention.ms",
        name.endsWith(".dlq") ? "2592000000" : "-1");
  }

  /** Creates {@code database} unless it exists (tests use their own). */
  public void ensureDatabase(String database) {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
      if (!rs.next()) {
        s.execute("create database " + database);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + database, e);
    }
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
  }

  public int postgresPort() {
    return postgres.getPort();
  }

  public String bootstrapServers() {
    return "localhost:" + settings.kafkaPort();
  }

  public PlatformSettings settings() {
    return settings;
  }

  @Override
  public synchronized void close() {
    stopKafka();
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
      }
      postgres = null;
    }
  }
}
