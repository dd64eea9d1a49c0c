package io.kam.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The restore drill of deploy/OPERATIONS.md on kpi-service: a backup of its database is taken, more
 * happens (new accounts, changed owners), the database is lost and recreated from the backup, the
 * consumer groups are rewound to the earliest offsets (the positions that count are in the restored
 * database), and the service catches up from Kafka: its accounts equal those of the run without the
 * disaster. With {@code KAM_PG_BIN} (a directory holding pg_dump and pg_restore of the server's
 * major version) the backup is a real {@code pg_dump -Fc} of the running service's database,
 * restored with {@code pg_restore} as on call; without it, a server-side copy ({@code create
 * database ... template}, the service stopped), for machines without a PostgreSQL 17 client. Each
 * step is written to the output as a {@code drill: } line (deploy/ops/restore-drill.sh prints
 * them).
 */
class RestoreDrillIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String COLUMNS =
      "id, source, external_id, parent_id, owner_id, industry, country, region, wallet, tier,"
          + " account_type, deleted";
  static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  static SystemUnderTest sut;
  static DrillBackup backup;

  @BeforeAll
  static void startSystem() throws Exception {
    Optional<PgClient> client = PgClient.fromEnvironment(); // a missing tool fails before the start
    sut = SystemUnderTest.get();
    backup =
        new DrillBackup(sut.platform(), "kpi", RUN, client, line -> step("%s", line)).announce();
  }

  private RequestSpecification as(String user, String... roles) {
    return given()
        .baseUri(sut.gatewayUrl())
        .header("Authorization", "Bearer " + sut.token(user, roles));
  }

  @Test
  void aRestoredKpiDatabaseCatchesUpFromKafkaToTheStateWithoutTheDisaster() throws Exception {
    List<String> before = sync("before", 3, "kam-anna");
    awaitKnownToKpi(before);
    step("1. 3 accounts synced (owner kam-anna), known to kpi");
    ServiceProcess kpi = sut.service("kpi");
    backup.take(kpi);

    List<String> after = sync("after", 3, "kam-anna");
    sync("before", 3, "kam-ben"); // the first accounts change owner after the backup
    awaitKnownToKpi(after);
    awaitCaughtUp();
    List<Map<String, Object>> expected = accountsOfKpi();
    assertTrue(
        expected.stream()
            .anyMatch(
                r ->
                    before.get(0).equals(String.valueOf(r.get("id")))
                        && "kam-ben".equals(r.get("owner_id"))),
        "the run without the disaster has the owner change");
    step("2. 3 more accounts synced, the first 3 change owner (kam-ben), consumer lag 0");
    step(
        "   -> kpi's account table captured (%d rows): the run without the disaster",
        expected.size());

    // The disaster and the restore.
    kpi.stop();
    sql("postgres", "drop database kpi with (force)");
    step("3. kpi stopped; drop database kpi with (force)");
    backup.restore();
    // The restored database is the backup's: an empty one would catch up from Kafka just as well.
    assertEquals(
        3,
        count(
            "select count(*) from account where owner_id = 'kam-anna' and id::text in "
                + in(before)),
        "the backed-up accounts, with their owner at the backup");
    assertEquals(0, count("select count(*) from account where id::text in " + in(after)));
    step("   -> the restored database holds the 3 accounts of 1 as backed up (owner kam-anna),");
    step("      not the 3 later ones");
    // Catching up: rewind kpi's groups; as a producer, its sequences resume after what its topic
    // holds (also for accounts it first published after the backup).
    List<String> topics = List.of("kam.account.events", "kam.score.events");
    int partitions = rewind("kpi-service", topics);
    int subjects = reseatSequences("kpi", "kam.kpi.events");
    step(
        "4. group kpi-service rewound to the earliest offsets of %s and %s (%d partitions);",
        topics.get(0), topics.get(1), partitions);
    step(
        "   kam_chassis.event_sequence re-seated from kam.kpi.events (max sequence per subject,"
            + " %d subjects)",
        subjects);
    kpi.start();
    kpi.awaitReady(Duration.ofSeconds(180));

    awaitKnownToKpi(after);
    awaitCaughtUp();
    assertEquals(expected, accountsOfKpi(), "kpi's accounts after the restore and the catch-up");
    step("5. kpi started, ready; consumer lag 0 on both topics");
    step(
        "   -> kpi's account table equals the one captured in 2, row for row (%d rows: owners,"
            + " tiers, deletions)",
        expected.size());
  }

  /** A step of the drill, as deploy/ops/restore-drill.sh prints it. */
  private static void step(String format, Object... args) {
    System.out.println("drill: " + String.format(Locale.ROOT, format, args));
  }

  private List<String> sync(String round, int n, String owner) throws Exception {
    List<Map<String, Object>> items =
        IntStream.range(0, n)
            .mapToObj(
                i ->
                    Map.<String, Object>of(
                        "source",
                        "restore-it",
                        "externalId",
                        RUN + "-" + round + "-" + i,
                        "name",
                        "Restore " + RUN + " " + round + " " + i,
                        "country",
                        "DE",
                        "ownerId",
                        owner))
            .toList();
    return as("crm-bot", "integration")
        .contentType("application/json")
        .body(JSON.writeValueAsString(Map.of("items", items)))
        .put("/api/v1/sync/accounts")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("results.id", String.class);
  }

  private void awaitKnownToKpi(List<String> ids) {
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                ids.stream()
                    .allMatch(
                        id ->
                            as("admin", "admin")
                                    .get("/api/v1/accounts/" + id + "/kpis?period=2026-Q3")
                                    .statusCode()
                                == 200));
  }

  private static void sql(String database, String statement) throws Exception {
    try (Connection c =
            DriverManager.getConnection(sut.platform().jdbcUrl(database), "postgres", "");
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  private static String in(List<String> ids) {
    return "('" + String.join("', '", ids) + "')";
  }

  private static long count(String query) throws Exception {
    try (Connection c = DriverManager.getConnection(sut.platform().jdbcUrl("kpi"), "postgres", "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<Map<String, Object>> accountsOfKpi() throws Exception {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(sut.platform().jdbcUrl("kpi"), "postgres", "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select " + COLUMNS + " from account order by id")) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          Object v = rs.getObject(i);
          row.put(
              md.getColumnName(i),
              v instanceof java.math.BigDecimal d ? d.stripTrailingZeros() : v);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static Admin admin() {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, sut.platform().bootstrapServers());
    return Admin.create(p);
  }

  /** kafka-consumer-groups.sh --reset-offsets --to-earliest, for a stopped group. */
  private static int rewind(String group, List<String> topics) throws Exception {
    try (Admin admin = admin()) {
      Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
      for (var d :
          admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values()) {
        d.partitions()
            .forEach(
                p ->
                    earliest.put(
                        new TopicPartition(d.name(), p.partition()), OffsetSpec.earliest()));
      }
      Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
      admin
          .listOffsets(earliest)
          .all()
          .get(10, TimeUnit.SECONDS)
          .forEach((tp, info) -> offsets.put(tp, new OffsetAndMetadata(info.offset())));
      // The stopped group may take a moment to be empty on the broker.
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptions()
          .until(
              () -> {
                admin.alterConsumerGroupOffsets(group, offsets).all().get(10, TimeUnit.SECONDS);
                return true;
              });
      return offsets.size();
    }
  }

  /**
   * The last sequence per subject in the producer's topic, written into its restored event_sequence
   * where it is higher (OPERATIONS.md does the same with the console consumer).
   */
  private static int reseatSequences(String database, String topic) throws Exception {
    Map<String, Long> last = new HashMap<>();
    try (var consumer = io.kam.platform.TestKafka.consumer("drill-" + RUN, false)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
        for (var r : consumer.poll(Duration.ofSeconds(1))) {
          var event = JSON.readTree(r.value());
          last.merge(event.path("subject").asText(), event.path("sequence").asLong(), Math::max);
        }
      }
    }
    try (Connection c =
            DriverManager.getConnection(sut.platform().jdbcUrl(database), "postgres", "");
        var ps =
            c.prepareStatement(
                "insert into kam_chassis.event_sequence (subject, last_sequence) values (?, ?)"
                    + " on conflict (subject) do update set last_sequence ="
                    + " greatest(event_sequence.last_sequence, excluded.last_sequence)")) {
      for (var e : last.entrySet()) {
        ps.setString(1, e.getKey());
        ps.setLong(2, e.getValue());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    return last.size();
  }

  private void awaitCaughtUp() {
    await()
        .atMost(Duration.ofSeconds(180))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                lag("kpi-service", "kam.account.events") == 0
                    && lag("kpi-service", "kam.score.events") == 0
                    && lag("scoring-service", "kam.account.events") == 0);
  }

  private static long lag(String group, String topic) throws Exception {
    return ConsumerLag.of(sut.platform().bootstrapServers(), group, topic);
  }
}
