package io.kam.chassis.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.kam.platform.TestKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A row Kafka refuses holds back the later rows of its subject (they would otherwise reach the
 * topic first, and consumers drop the earlier one as stale when it follows); other subjects flow.
 * And an instance claims Kafka reachable only on evidence of its own.
 */
@QuarkusTest
class RelayOrderTest {

  static final String TOPIC = "kam.plan.events";

  @Inject Outbox outbox;
  @Inject AgroalDataSource ds;
  @Inject EventsConfig config;
  @Inject OutboxBacklog backlog;

  @Test
  void laterRowsOfASubjectStayUnsentWhileAnEarlierOneFailsAndOtherSubjectsFlow() {
    String x = UUID.randomUUID().toString();
    String y = UUID.randomUUID().toString();
    // Over the producer's max.request.size (1 MB): refused before it leaves the client.
    String tooLarge = "x".repeat(1_200_000);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              outbox.add(TOPIC, "test.step.v1", x, Map.of("n", 1));
              outbox.add(TOPIC, "test.step.v1", x, Map.of("n", 2, "blob", tooLarge));
              outbox.add(TOPIC, "test.step.v1", x, Map.of("n", 3));
              outbox.add(TOPIC, "test.step.v1", y, Map.of("n", 1));
              outbox.add(TOPIC, "test.step.v1", y, Map.of("n", 2));
            });
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  Db.count(
                          ds,
                          "select count(*) from kam_chassis.outbox where event_key = ? and sequence = 2 and quarantined_at is not null",
                          x)
                      == 1);
      List<ConsumerRecord<String, String>> records =
          TestKafka.readUntil(
              TOPIC,
              rs -> rs.stream().filter(r -> y.equals(r.key())).count() >= 2,
              Duration.ofSeconds(30));
      assertEquals(List.of(1L, 2L), sequences(records, y));
      assertEquals(List.of(1L), sequences(records, x));
      assertEquals(
          1,
          Db.count(
              ds,
              "select count(*) from kam_chassis.outbox where event_key = ? and sequence = 3 and sent_at is null",
              x));
    } finally {
      Db.count(
          ds,
          "with d as (delete from kam_chassis.outbox where event_key = ? returning 1) select count(*) from d",
          x);
    }
  }

  @Test
  void anInstanceThatLostTheLockRaceDoesNotClaimKafkaReachable() throws Exception {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    EventProducer producer = new EventProducer(TestKafka.bootstrap(), "standby-instance");
    OutboxRelay standby =
        new OutboxRelay(
            ds, producer, config, new EventMetrics(meters), new OutboxQuarantine(ds, meters));
    try (Connection c = ds.getConnection()) {
      run(c, "select pg_advisory_lock(" + OutboxRelay.LOCK_ID + ")");
      try {
        assertEquals(0, standby.relayOnce());
      } finally {
        run(c, "select pg_advisory_unlock(" + OutboxRelay.LOCK_ID + ")");
      }
    } finally {
      producer.producer().close();
    }
    Map<String, Object> data = new EventsHealth(standby, backlog).call().getData().orElseThrow();
    assertEquals("unknown", data.get("kafka"));
    assertEquals("standby", data.get("relay"));
  }

  static List<Long> sequences(List<ConsumerRecord<String, String>> records, String key) {
    return records.stream()
        .filter(r -> key.equals(r.key()))
        .map(r -> read(r.value()).sequence())
        .toList();
  }

  private static CloudEvent read(String json) {
    try {
      return EventJson.read(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void run(Connection c, String sql) throws Exception {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.execute();
    }
  }
}
